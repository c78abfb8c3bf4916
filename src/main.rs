//! The `dossier` command line: parses arguments, runs a command, prints
//! problems and sets the exit code.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use dossier::diagnostics::{BuildFailure, Diagnostic};
use dossier::BuildOptions;

/// Build a static knowledge-base website from a folder of policy briefings.
#[derive(Parser)]
#[command(name = "dossier", version, about, long_about = None)]
struct Cli {
    /// Also print how long each build stage took.
    #[arg(short, long, global = true)]
    verbose: bool,
    /// Print only errors (no progress, summary or warnings).
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site from seeds/ into book/ (or the configured build-dir).
    Build(BuildArgs),
    /// Create a new site: book.toml, seeds/ with an example briefing, and
    /// templates/ and static/ folders for overrides.
    Init {
        /// The folder to create (must be missing or empty).
        dir: PathBuf,
    },
    /// List every entity found: name, type, aliases, mentions and briefings.
    Entities(EntitiesArgs),
}

#[derive(clap::Args)]
struct BuildArgs {
    /// The site folder, holding book.toml and seeds/.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Where to write the site (default: build-dir from book.toml, else book/).
    #[arg(long)]
    out: Option<PathBuf>,
    /// The absolute URL the site is published at, e.g.
    /// https://user.github.io/repo/ (used for feeds, sitemap and canonical links).
    #[arg(long)]
    base_url: Option<String>,
    /// Include briefings marked `draft: true`.
    #[arg(long)]
    drafts: bool,
    /// Build what can be built and list the files that were skipped, instead
    /// of failing when any file has errors (all errors are listed either way).
    #[arg(long)]
    keep_going: bool,
}

#[derive(clap::Args)]
struct EntitiesArgs {
    /// The site folder, holding book.toml and seeds/.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
    /// List names that were found but not published, with the reason.
    #[arg(long)]
    candidates: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Build(args) => build(args, &cli),
        Command::Init { dir } => dossier::init::init(dir)
            .map_err(BuildFailure::from)
            .map(|()| {
                if !cli.quiet {
                    println!(
                        "Created a new site in {}. Build it with: cd {} && dossier build",
                        dir.display(),
                        dir.display()
                    );
                }
            }),
        Command::Entities(args) => entities(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("{failure}");
            ExitCode::FAILURE
        }
    }
}

fn build(args: &BuildArgs, cli: &Cli) -> Result<(), BuildFailure> {
    let options = BuildOptions {
        root: args.root.clone(),
        out: args.out.clone(),
        base_url: args.base_url.clone(),
        drafts: args.drafts,
        keep_going: args.keep_going,
    };
    if !cli.quiet {
        eprintln!("Building {} …", args.root.display());
    }
    let report = dossier::build(&options)?;
    print_problems(&report.problems, cli.quiet);
    if cli.verbose {
        for (stage, time) in &report.timings {
            eprintln!("  {stage:<16} {:>8.1} ms", time.as_secs_f64() * 1000.0);
        }
    }
    if !cli.quiet {
        let skipped = report.problems.iter().filter(|p| p.is_error()).count();
        println!(
            "Built {} briefings, {} entities, {} topics into {} ({} files){}",
            report.briefings,
            report.entities,
            report.topics,
            report.out_dir.display(),
            report.pages,
            if skipped > 0 {
                format!("; skipped {skipped} file(s) with errors")
            } else {
                String::new()
            }
        );
    }
    Ok(())
}

fn print_problems(problems: &[Diagnostic], quiet: bool) {
    for problem in problems {
        if problem.is_error() || !quiet {
            eprintln!("{problem}");
        }
    }
}

fn entities(args: &EntitiesArgs) -> Result<(), BuildFailure> {
    let options = BuildOptions {
        root: args.root.clone(),
        ..Default::default()
    };
    let config = dossier::load_config(&options)?;
    let (kb, problems) = dossier::knowledge_base(config, true)?;
    print_problems(&problems, true);
    let mut out = std::io::stdout().lock();
    // A closed pipe (`dossier entities | head`) just ends the listing.
    let _ = write_entities(&kb, args, &mut out);
    Ok(())
}

fn write_entities(
    kb: &dossier::kb::KnowledgeBase,
    args: &EntitiesArgs,
    out: &mut impl Write,
) -> std::io::Result<()> {
    if args.candidates {
        if args.json {
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&kb.candidates).unwrap_or_default()
            )?;
        } else {
            for c in &kb.candidates {
                writeln!(out, "{}\t{}\t{}", c.name, c.kind, c.reason)?;
            }
        }
        return Ok(());
    }
    if args.json {
        let list: Vec<serde_json::Value> = kb
            .entities
            .iter()
            .map(|e| {
                serde_json::json!({
                    "slug": e.slug, "name": e.name, "type": e.kind.as_str(),
                    "aliases": e.aliases, "mentions": e.mention_count,
                    "briefings": e.briefings.iter().map(|&b| kb.briefings[b].briefing.slug.as_str()).collect::<Vec<_>>(),
                })
            })
            .collect();
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&list).unwrap_or_default()
        )?;
        return Ok(());
    }
    writeln!(
        out,
        "{:<40} {:<13} {:>8} {:>9}  aliases",
        "name", "type", "mentions", "briefings"
    )?;
    for e in &kb.entities {
        let aliases: Vec<&str> = e.aliases.iter().map(String::as_str).collect();
        writeln!(
            out,
            "{:<40} {:<13} {:>8} {:>9}  {}",
            e.name,
            e.kind.as_str(),
            e.mention_count,
            e.briefings.len(),
            aliases.join(", ")
        )?;
    }
    Ok(())
}
