//! The `dossier` command line: parses arguments, runs a command, prints
//! problems and sets the exit code.

use std::io::Write;
use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use clap::{Parser, Subcommand};

use dossier::diagnostics::{display_path, BuildFailure, Diagnostic, Ending};

/// A build allocates millions of short strings from two threads; mimalloc
/// does that with far less time in the allocator than glibc's malloc.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use dossier::BuildOptions;

/// `dossier --version`: the release and the commit it was built from.
const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (commit ",
    env!("DOSSIER_COMMIT"),
    ")"
);

/// Build a static knowledge-base website from a folder of policy briefings.
#[derive(Parser)]
#[command(name = "dossier", version = VERSION, about, long_about = None)]
struct Cli {
    /// Also print how long each build stage took (and, for `serve`, the name
    /// of the reason a save built in full: see docs/incremental.md).
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
    ///
    /// It also writes a `.gitignore` for the output and
    /// `.github/workflows/pages.yml`, which builds the site with this
    /// release of Dossier and publishes it on GitHub Pages on every push to
    /// `main`.
    Init {
        /// The folder to create (must be missing or empty).
        dir: PathBuf,
        /// Leave out the GitHub Pages workflow.
        #[arg(long)]
        no_workflow: bool,
    },
    /// List every entity found: name, type, aliases, mentions and briefings.
    Entities(EntitiesArgs),
    /// Build the site, serve it on http://127.0.0.1:3000/, and rebuild it and
    /// reload open pages whenever a briefing, template, static file or
    /// book.toml changes.
    ///
    /// Only requests whose Host header names localhost, a loopback address
    /// or the --bind address are answered (403 otherwise), so no web page
    /// can read the site by pointing its domain name here. Request heads
    /// over 64 KiB get 431. docs/serve.md describes the limits.
    Serve(ServeArgs),
    /// Print a briefing as Dossier reads it: title, authors, date, series,
    /// summary, then the body as Markdown. Works on every format a briefing
    /// can come in (.md, .txt, .html, .htm, .pdf); run it to see why a briefing
    /// looks wrong on the site.
    Read(ReadArgs),
}

#[derive(clap::Args)]
struct ReadArgs {
    /// The briefing file to read.
    file: PathBuf,
    /// Print one JSON object instead: title, authors, date (YYYY-MM-DD or
    /// null), series, summary, text (the body as Markdown), source (format,
    /// and pages and producer where known) and warnings.
    #[arg(long)]
    json: bool,
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
struct ServeArgs {
    #[command(flatten)]
    build: BuildArgs,
    /// The port to listen on.
    #[arg(long, default_value_t = 3000)]
    port: u16,
    /// The address to listen on. Use 0.0.0.0 to let other machines on the
    /// network open the site.
    #[arg(long, default_value = "127.0.0.1")]
    bind: IpAddr,
    /// Open the site in the default browser.
    #[arg(long)]
    open: bool,
    /// Close a connection that has sent no complete request for this many
    /// seconds (fractions allowed), counted from when it opened or from
    /// its last response.
    #[arg(long, value_name = "SECONDS", default_value = "30", value_parser = parse_seconds)]
    idle_timeout: Duration,
    /// Serve at most this many connections at once, live-reload streams
    /// included; more are answered 503 Service Unavailable.
    #[arg(long, value_name = "N", default_value_t = 4096,
          value_parser = clap::value_parser!(u32).range(1..))]
    max_connections: u32,
}

/// A number of seconds, such as `30` or `0.5`, for `--idle-timeout`.
fn parse_seconds(text: &str) -> Result<Duration, String> {
    let seconds: f64 = text
        .parse()
        .map_err(|_| format!("`{text}` is not a number of seconds"))?;
    // A day at most: a deadline further away could overflow the clock.
    match Duration::try_from_secs_f64(seconds) {
        Ok(duration) if !duration.is_zero() && duration.as_secs() <= 86_400 => Ok(duration),
        _ => Err(format!(
            "`{text}` must be more than 0 and at most 86400 seconds (a day)"
        )),
    }
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
    /// Show which written forms were merged into the entity named (or
    /// written) NAME, and why: the same person in another romanisation, a
    /// family name alone, an acronym, a known name.
    #[arg(long, value_name = "NAME", conflicts_with = "candidates")]
    why: Option<String>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Build(args) => build(args, &cli),
        Command::Init { dir, no_workflow } => dossier::init::init(dir, !no_workflow)
            .map_err(|e| BuildFailure::from(e).ending(Ending::Command("init")))
            .map(|()| {
                if !cli.quiet {
                    let shown = display_path(dir);
                    println!(
                        "Created a new site in {shown}. Build it with: cd {shown} && dossier build"
                    );
                    if !no_workflow {
                        println!(
                            "To publish it, push it to a GitHub repository and set Settings → \
                             Pages → Source to GitHub Actions."
                        );
                    }
                }
            }),
        Command::Entities(args) => return entities(args),
        Command::Serve(args) => return serve(args, &cli),
        Command::Read(args) => return read(args, cli.quiet),
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
        eprintln!("Building {} …", display_path(&args.root));
    }
    let report = dossier::build(&options)?;
    show(report.lines(cli.quiet, cli.verbose));
    Ok(())
}

fn serve(args: &ServeArgs, cli: &Cli) -> ExitCode {
    let options = dossier::serve::ServeOptions {
        build: BuildOptions {
            root: args.build.root.clone(),
            out: args.build.out.clone(),
            base_url: args.build.base_url.clone(),
            drafts: args.build.drafts,
            keep_going: args.build.keep_going,
        },
        bind: args.bind,
        port: args.port,
        watch: true,
        quiet: cli.quiet,
        verbose: cli.verbose,
        limits: dossier::serve::Limits {
            idle_timeout: args.idle_timeout,
            max_connections: args.max_connections as usize,
            ..Default::default()
        },
    };
    if !cli.quiet {
        eprintln!("Building {} …", display_path(&args.build.root));
    }
    let server = match dossier::serve::start(options) {
        Ok(server) => server,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    announce(&server, cli.quiet);
    if args.open {
        if let Err(why) = dossier::serve::open_in_browser(server.url()) {
            eprintln!(
                "warning: {why}\n  help: open {} in a browser yourself",
                server.url()
            );
        }
    }
    wait_for_interrupt();
    if !cli.quiet {
        eprintln!("Stopping …");
    }
    server.stop();
    ExitCode::SUCCESS
}

fn announce(server: &dossier::serve::ServerHandle, quiet: bool) {
    if server.addr().ip().is_unspecified() {
        eprintln!(
            "warning: listening on every network interface ({}); other machines can open the site",
            server.addr()
        );
    }
    // The address is printed even with -q: without it the server is useless.
    let shown = display_path(server.out_dir());
    println!("Serving {shown} at {}", server.url());
    if !quiet {
        eprintln!("Watching for changes. Press Ctrl-C to stop.");
    }
}

/// Blocks until Ctrl-C (or SIGTERM). A second Ctrl-C quits at once, even
/// in the middle of a rebuild.
fn wait_for_interrupt() {
    let (sender, interrupted) = mpsc::channel();
    let pressed = AtomicBool::new(false);
    let handler = ctrlc::set_handler(move || {
        if pressed.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
        let _ = sender.send(());
    });
    match handler {
        Ok(()) => {
            let _ = interrupted.recv();
        }
        // Without a handler, Ctrl-C ends the process the default way.
        Err(error) => {
            eprintln!("warning: cannot handle Ctrl-C ({error}); it will end the server abruptly");
            loop {
                std::thread::park();
            }
        }
    }
}

fn print_problems(problems: &[Diagnostic], quiet: bool) {
    for problem in problems {
        if problem.is_error() || !quiet {
            eprintln!("{problem}");
        }
    }
}

fn read(args: &ReadArgs, quiet: bool) -> ExitCode {
    let extracted = match dossier::ingest::read_briefing_file(&args.file) {
        Ok(extracted) => extracted,
        Err(problem) => {
            eprintln!("{problem}");
            return ExitCode::FAILURE;
        }
    };
    if !quiet {
        for warning in &extracted.warnings {
            eprintln!(
                "{}",
                Diagnostic::warning(args.file.clone(), warning.clone())
            );
        }
    }
    let mut out = std::io::stdout().lock();
    // A closed pipe (`dossier read x.html | head`) just ends the output.
    let _ = if args.json {
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&extracted).unwrap_or_default()
        )
    } else {
        out.write_all(extracted.to_markdown().as_bytes())
    };
    ExitCode::SUCCESS
}

fn entities(args: &EntitiesArgs) -> ExitCode {
    match list_entities(args) {
        Ok(code) => code,
        Err(failure) => {
            eprintln!("{}", failure.ending(Ending::Command("entities")));
            ExitCode::FAILURE
        }
    }
}

fn list_entities(args: &EntitiesArgs) -> Result<ExitCode, BuildFailure> {
    let options = BuildOptions {
        root: args.root.clone(),
        ..Default::default()
    };
    let config = dossier::load_config(&options)?;
    let (kb, problems) = dossier::knowledge_base(config, true)?;
    print_problems(&problems, true);
    let mut out = std::io::stdout().lock();
    if let Some(name) = &args.why {
        let Some(entity) = kb.entity_written_as(name) else {
            eprintln!("error: no entity is named or written `{name}`\n  help: `dossier entities` lists them all, `dossier entities --candidates` the names held back");
            return Ok(ExitCode::FAILURE);
        };
        let _ = write_why(entity, &mut out);
        return Ok(ExitCode::SUCCESS);
    }
    // A closed pipe (`dossier entities | head`) just ends the listing.
    let _ = write_entities(&kb, args, &mut out);
    Ok(ExitCode::SUCCESS)
}

/// The forms merged into an entity, each with the reason.
fn write_why(entity: &dossier::kb::Entity, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(out, "{} ({})", entity.name, entity.kind.as_str())?;
    let aliases: Vec<&str> = entity.aliases.iter().map(String::as_str).collect();
    writeln!(out, "  written as: {}", aliases.join(", "))?;
    let alone: Vec<&str> = aliases
        .iter()
        .copied()
        .filter(|a| !a.contains(' '))
        .filter(|a| {
            std::iter::once(entity.name.as_str())
                .chain(aliases.iter().copied())
                .any(|full| full.contains(' ') && full.rsplit(' ').next() == Some(*a))
        })
        .collect();
    if entity.kind == dossier::model::EntityKind::Person && !alone.is_empty() {
        writeln!(
            out,
            "  {}: a family name alone joins the full name it shortens in a briefing that names it",
            alone.join(" / ")
        )?;
    }
    if entity.merged.is_empty() {
        writeln!(out, "  no other form was merged into it")?;
    }
    for note in &entity.merged {
        let via = note
            .via
            .as_ref()
            .map(|v| format!(" (by way of {v})"))
            .unwrap_or_default();
        writeln!(out, "  {}{via}: {}", note.forms.join(" / "), note.reason)?;
    }
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

/// Prints what the library says to show, each line on its stream.
fn show(lines: Vec<dossier::Line>) {
    for line in lines {
        match line {
            dossier::Line::Out(text) => println!("{text}"),
            dossier::Line::Err(text) => eprintln!("{text}"),
        }
    }
}
