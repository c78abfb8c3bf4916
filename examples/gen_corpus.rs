//! Deterministic synthetic corpus generator for Dossier benchmarks.
//!
//! Writes N invented policy briefings (Markdown with YAML front matter, plus a
//! few PDF-extraction-style `.txt` files) into `DIR/seeds/<year>/`, and a
//! `DIR/book.toml`. With `--hugo DIR2` the same corpus is also written as a
//! minimal Hugo site for side-by-side benchmarks.
//!
//! Standard library only; the PRNG is `SplitMix64` seeded from `--seed`, so the
//! same arguments always give byte-identical output.
//!
//! ```text
//! cargo run --release --example gen_corpus -- --n 10000 --out DIR [--seed 42] [--hugo DIR2] [--hard]
//! ```
//!
//! Beside the corpus it writes `DIR/truth.jsonl`: per briefing, every entity
//! the generator wrote into its title and body, with its type and the forms
//! written. `--hard` adds the sentence frames, name pools and entity kinds
//! that make discovery hard (see `bench/README.md`); without it the seeds are
//! byte-identical to earlier versions.
//!
//! `--pdf-share F` writes that share of the Markdown briefings as PDF files
//! instead (set by the PDF reader's fixture typesetter in `tests/pdf/`: one
//! to three columns, running header and footer, page numbers), to time
//! builds where part of the corpus is PDF.

use std::collections::HashSet;
use std::ffi::OsString;
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

#[path = "../tests/pdf/mod.rs"]
mod pdf;

const USAGE: &str = "\
gen_corpus: deterministic synthetic policy-briefing corpus for Dossier benchmarks

USAGE:
    gen_corpus --n N --out DIR [--seed SEED] [--hugo DIR2] [--hard] [--pdf-share F] [--force]

OPTIONS:
    --n N          number of briefings to generate (1..=1000000)
    --out DIR      output directory; writes DIR/book.toml and DIR/seeds/<year>/...
    --seed SEED    PRNG seed (unsigned 64-bit integer, default 42)
    --hugo DIR2    also write the same corpus as a Hugo site into DIR2
    --hard         harder text for scoring discovery: more sentence frames,
                   shared surnames, real given names, treaties, units and
                   acronyms, title-case headlines, wrapped paragraphs
    --pdf-share F  write this share (0 to 1) of the Markdown briefings as
                   PDF files (typeset like think-tank briefings) instead
    --force        replace existing DIR/seeds (and DIR2/content/briefings)
    -h, --help     print this help

Same arguments always produce byte-identical output. DIR/truth.jsonl lists
each briefing's true entities (name, type, forms as written).
";

/// Exit code for bad command-line arguments.
const EXIT_USAGE: u8 = 2;

// ---------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------

#[derive(Debug)]
struct Args {
    n: usize,
    out: PathBuf,
    seed: u64,
    hugo: Option<PathBuf>,
    force: bool,
    hard: bool,
    pdf_share: f64,
}

/// Parses the command line. `Ok(None)` means `--help` was requested.
fn parse_args(argv: Vec<OsString>) -> Result<Option<Args>, String> {
    let mut n: Option<usize> = None;
    let mut out: Option<PathBuf> = None;
    let mut seed: u64 = 42;
    let mut hugo: Option<PathBuf> = None;
    let mut force = false;
    let mut hard = false;
    let mut pdf_share = 0.0;

    let mut it = argv.into_iter();
    while let Some(raw) = it.next() {
        let arg = raw
            .to_str()
            .ok_or_else(|| format!("argument '{}' is not valid UTF-8", raw.to_string_lossy()))?
            .to_string();
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(OsString::from(v))),
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| -> Result<OsString, String> {
            match inline.clone() {
                Some(v) => Ok(v),
                None => it.next().ok_or_else(|| format!("{name} needs a value")),
            }
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(None),
            "--force" => force = true,
            "--hard" => hard = true,
            "--pdf-share" => {
                let v = value("--pdf-share")?;
                let s = v.to_str().ok_or("--pdf-share value is not valid UTF-8")?;
                pdf_share = s
                    .parse::<f64>()
                    .ok()
                    .filter(|f| (0.0..=1.0).contains(f))
                    .ok_or_else(|| {
                        format!("--pdf-share expects a number from 0 to 1, got {s:?}")
                    })?;
            }
            "--n" => {
                let v = value("--n")?;
                let s = v.to_str().ok_or("--n value is not valid UTF-8")?;
                let parsed: usize = s
                    .trim()
                    .parse()
                    .map_err(|_| format!("--n expects a positive integer, got {s:?}"))?;
                if !(1..=1_000_000).contains(&parsed) {
                    return Err(format!("--n must be between 1 and 1000000, got {parsed}"));
                }
                n = Some(parsed);
            }
            "--seed" => {
                let v = value("--seed")?;
                let s = v.to_str().ok_or("--seed value is not valid UTF-8")?;
                seed = s
                    .trim()
                    .parse()
                    .map_err(|_| format!("--seed expects an unsigned 64-bit integer, got {s:?}"))?;
            }
            "--out" => {
                let v = value("--out")?;
                if v.is_empty() {
                    return Err("--out must not be empty".into());
                }
                out = Some(PathBuf::from(v));
            }
            "--hugo" => {
                let v = value("--hugo")?;
                if v.is_empty() {
                    return Err("--hugo must not be empty".into());
                }
                hugo = Some(PathBuf::from(v));
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    let n = n.ok_or("missing required --n N")?;
    let out = out.ok_or("missing required --out DIR")?;
    if hugo.as_deref() == Some(out.as_path()) {
        return Err("--hugo DIR2 must differ from --out DIR".into());
    }
    Ok(Some(Args {
        n,
        out,
        seed,
        hugo,
        force,
        hard,
        pdf_share,
    }))
}

fn main() -> ExitCode {
    let argv: Vec<OsString> = std::env::args_os().skip(1).collect();
    let args = match parse_args(argv) {
        Ok(Some(a)) => a,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("gen_corpus: error: {e}\n\n{USAGE}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(RunError::Usage(e)) => {
            eprintln!("gen_corpus: error: {e}");
            ExitCode::from(EXIT_USAGE)
        }
        Err(RunError::Io(e)) => {
            eprintln!("gen_corpus: error: {e}");
            ExitCode::FAILURE
        }
    }
}

enum RunError {
    /// The arguments are well-formed but cannot be acted on (e.g. existing output).
    Usage(String),
    /// A file-system operation failed.
    Io(String),
}

fn io_err(what: &str, path: &Path, e: io::Error) -> RunError {
    RunError::Io(format!("{what} {}: {e}", path.display()))
}

fn create_dir_all(path: &Path) -> Result<(), RunError> {
    fs::create_dir_all(path).map_err(|e| io_err("cannot create directory", path, e))
}

fn write_file(path: &Path, contents: &str) -> Result<(), RunError> {
    fs::write(path, contents).map_err(|e| io_err("cannot write", path, e))
}

/// Makes sure `dir` can be (re)filled: it must not exist, be empty, or be
/// removed because `--force` was given.
fn prepare_dir(dir: &Path, force: bool) -> Result<(), RunError> {
    match fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                if !force {
                    return Err(RunError::Usage(format!(
                        "{} already exists and is not empty; pass --force to replace it",
                        dir.display()
                    )));
                }
                fs::remove_dir_all(dir).map_err(|e| io_err("cannot remove", dir, e))?;
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(io_err("cannot read directory", dir, e)),
    }
    create_dir_all(dir)
}

fn run(args: &Args) -> Result<(), RunError> {
    let start = Instant::now();
    let world = World::new(args.seed, args.hard);
    let docs = generate(&world, args.n, args.seed);

    // Plain corpus.
    let seeds = args.out.join("seeds");
    let hugo_content = args
        .hugo
        .as_ref()
        .map(|h| h.join("content").join("briefings"));
    prepare_dir(&seeds, args.force)?;
    if let Some(hc) = &hugo_content {
        prepare_dir(hc, args.force)?;
    }
    write_file(
        &args.out.join("book.toml"),
        &format!(
            "[book]\ntitle = \"Synthetic corpus ({} briefings)\"\n",
            args.n
        ),
    )?;
    for year in FIRST_YEAR..=LAST_YEAR {
        create_dir_all(&seeds.join(year.to_string()))?;
    }
    let mut total_words = 0usize;
    let mut txt_count = 0usize;
    let mut truth = String::with_capacity(docs.len() * 600);
    for (index, doc) in docs.iter().enumerate() {
        let folder = seeds.join(doc.date.0.to_string());
        let ext = if doc.txt {
            txt_count += 1;
            let text = render_txt(&world, doc);
            total_words += text.split_whitespace().count();
            write_file(&folder.join(format!("{}.txt", doc.stem)), &text)?;
            "txt"
        } else if takes_turn(index, args.pdf_share) {
            let path = folder.join(format!("{}.pdf", doc.stem));
            fs::write(&path, render_pdf(&world, doc, index))
                .map_err(|e| io_err("cannot write", &path, e))?;
            "pdf"
        } else {
            let text = render_md(&world, doc);
            total_words += text.split_whitespace().count();
            write_file(&folder.join(format!("{}.md", doc.stem)), &text)?;
            "md"
        };
        truth_line(
            &world,
            doc,
            &format!("{}/{}.{ext}", doc.date.0, doc.stem),
            &mut truth,
        );
    }
    write_file(&args.out.join("truth.jsonl"), &truth)?;

    // Hugo site.
    if let (Some(hugo), Some(hc)) = (&args.hugo, &hugo_content) {
        write_hugo_skeleton(hugo, args.n)?;
        write_file(&hc.join("_index.md"), "---\ntitle: \"Briefings\"\n---\n")?;
        for doc in &docs {
            write_file(
                &hc.join(format!("{}.md", doc.stem)),
                &render_hugo(&world, doc),
            )?;
        }
    }

    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "gen_corpus: wrote {} briefings ({} md, {} txt, {} words, avg {}) to {}{} in {:.2}s",
        docs.len(),
        docs.len() - txt_count,
        txt_count,
        total_words,
        total_words / docs.len().max(1),
        args.out.display(),
        match &args.hugo {
            Some(h) => format!(" and Hugo site to {}", h.display()),
            None => String::new(),
        },
        secs
    );
    Ok(())
}

// ---------------------------------------------------------------------------
// PRNG (SplitMix64)
// ---------------------------------------------------------------------------

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// An independent stream for `(seed, stream)`.
    fn stream(seed: u64, stream: u64) -> Self {
        let mut r = Rng(seed ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03));
        let s = r.next_u64();
        Rng::new(s)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    fn word(&mut self, xs: &[&'static str]) -> &'static str {
        xs[self.below(xs.len())]
    }

    fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.below(i + 1);
            xs.swap(i, j);
        }
    }
}

/// Sampler over ranks `0..n` with weights `1 / (rank + 1)^s`.
struct Zipf {
    cumulative: Vec<f64>,
}

impl Zipf {
    fn new(n: usize, s: f64) -> Self {
        let mut acc = 0.0;
        let cumulative = (0..n)
            .map(|r| {
                acc += 1.0 / ((r + 1) as f64).powf(s);
                acc
            })
            .collect();
        Zipf { cumulative }
    }

    fn sample(&self, rng: &mut Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(0.0);
        let x = rng.unit() * total;
        self.cumulative
            .partition_point(|&c| c <= x)
            .min(self.cumulative.len() - 1)
    }
}

// ---------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------

const FIRST_YEAR: i64 = 2016;
const LAST_YEAR: i64 = 2025;

/// Days since 1970-01-01 for a proleptic Gregorian date.
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(m);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Inverse of [`days_from_civil`].
fn civil_from_days(z: i64) -> Date {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    Date(if m <= 2 { y + 1 } else { y }, m, d)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Date(i64, u32, u32);

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.0, self.1, self.2)
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

// ---------------------------------------------------------------------------
// Static vocabulary
// ---------------------------------------------------------------------------

/// (name, adjective, takes "the")
const COUNTRIES: [(&str, &str, bool); 40] = [
    ("Russia", "Russian", false),
    ("Belarus", "Belarusian", false),
    ("Poland", "Polish", false),
    ("Lithuania", "Lithuanian", false),
    ("Latvia", "Latvian", false),
    ("Estonia", "Estonian", false),
    ("Ukraine", "Ukrainian", false),
    ("Germany", "German", false),
    ("France", "French", false),
    ("United States", "American", true),
    ("China", "Chinese", false),
    ("Finland", "Finnish", false),
    ("Sweden", "Swedish", false),
    ("Norway", "Norwegian", false),
    ("Denmark", "Danish", false),
    ("United Kingdom", "British", true),
    ("Netherlands", "Dutch", true),
    ("Italy", "Italian", false),
    ("Spain", "Spanish", false),
    ("Turkey", "Turkish", false),
    ("Georgia", "Georgian", false),
    ("Moldova", "Moldovan", false),
    ("Romania", "Romanian", false),
    ("Hungary", "Hungarian", false),
    ("Slovakia", "Slovak", false),
    ("Czech Republic", "Czech", true),
    ("Kazakhstan", "Kazakh", false),
    ("Armenia", "Armenian", false),
    ("Azerbaijan", "Azerbaijani", false),
    ("Iran", "Iranian", false),
    ("India", "Indian", false),
    ("Japan", "Japanese", false),
    ("Canada", "Canadian", false),
    ("Serbia", "Serbian", false),
    ("Bulgaria", "Bulgarian", false),
    ("Greece", "Greek", false),
    ("Austria", "Austrian", false),
    ("Belgium", "Belgian", false),
    ("Israel", "Israeli", false),
    ("Egypt", "Egyptian", false),
];

/// (full name, acronym or "", "the" before full name, "the" before acronym)
const REAL_ORGS: [(&str, &str, bool, bool); 8] = [
    ("NATO", "", false, false),
    ("European Union", "EU", true, true),
    (
        "Organization for Security and Co-operation in Europe",
        "OSCE",
        true,
        true,
    ),
    ("United Nations", "UN", true, true),
    ("International Monetary Fund", "IMF", true, true),
    ("World Bank", "", true, false),
    ("World Trade Organization", "WTO", true, true),
    ("International Atomic Energy Agency", "IAEA", true, true),
];

struct Topic {
    name: &'static str,
    prose: &'static str,
    keywords: &'static [&'static str],
}

const TOPICS: [Topic; 30] = [
    Topic {
        name: "Energy security",
        prose: "energy security",
        keywords: &[
            "gas supply",
            "the LNG terminal",
            "pipeline capacity",
            "the electricity interconnector",
            "gas storage levels",
            "energy prices",
            "grid synchronisation",
            "fuel reserves",
            "power outages",
        ],
    },
    Topic {
        name: "Border management",
        prose: "border management",
        keywords: &[
            "border crossings",
            "checkpoint delays",
            "the border guard service",
            "irregular crossings",
            "the border fence",
            "the visa regime",
            "customs inspections",
            "smuggling routes",
        ],
    },
    Topic {
        name: "Grain trade",
        prose: "the grain trade",
        keywords: &[
            "grain exports",
            "the wheat harvest",
            "the shipping corridor",
            "export quotas",
            "silo capacity",
            "maize shipments",
            "freight rates",
            "grain prices",
        ],
    },
    Topic {
        name: "Cyber defence",
        prose: "cyber defence",
        keywords: &[
            "ransomware attacks",
            "phishing campaigns",
            "incident response",
            "denial-of-service attacks",
            "malware",
            "network intrusions",
            "cyber resilience",
            "state-backed hackers",
        ],
    },
    Topic {
        name: "Military exercises",
        prose: "military exercises",
        keywords: &[
            "troop deployments",
            "snap exercises",
            "live-fire drills",
            "large-scale manoeuvres",
            "armoured units",
            "airborne drills",
            "force posture",
            "rapid reinforcement",
        ],
    },
    Topic {
        name: "Disinformation",
        prose: "disinformation",
        keywords: &[
            "disinformation",
            "propaganda channels",
            "fake news sites",
            "bot networks",
            "information operations",
            "media literacy",
            "social media manipulation",
            "state media",
        ],
    },
    Topic {
        name: "Sanctions policy",
        prose: "sanctions policy",
        keywords: &[
            "sanctions",
            "asset freezes",
            "export controls",
            "sanctions evasion",
            "secondary sanctions",
            "blacklisted firms",
            "dual-use goods",
            "the oil price cap",
        ],
    },
    Topic {
        name: "Migration",
        prose: "migration",
        keywords: &[
            "labour migration",
            "remittances",
            "residence permits",
            "migrant workers",
            "deportations",
            "integration programmes",
            "diaspora communities",
            "net migration",
        ],
    },
    Topic {
        name: "Nuclear safety",
        prose: "nuclear safety",
        keywords: &[
            "nuclear safety",
            "reactor inspections",
            "spent fuel storage",
            "radiation monitoring",
            "the nuclear regulator",
            "reactor shutdowns",
            "emergency planning zones",
        ],
    },
    Topic {
        name: "Maritime security",
        prose: "maritime security",
        keywords: &[
            "naval patrols",
            "shipping lanes",
            "undersea cables",
            "port security",
            "maritime surveillance",
            "freedom of navigation",
            "coastal defences",
            "shadow fleet tankers",
        ],
    },
    Topic {
        name: "Public health",
        prose: "public health",
        keywords: &[
            "hospital capacity",
            "vaccination rates",
            "drug shortages",
            "health spending",
            "disease surveillance",
            "medical staff shortages",
            "emergency care",
        ],
    },
    Topic {
        name: "Elections",
        prose: "electoral politics",
        keywords: &[
            "the election campaign",
            "voter turnout",
            "electoral fraud",
            "polling stations",
            "campaign finance",
            "the electoral commission",
            "opposition candidates",
            "vote counting",
        ],
    },
    Topic {
        name: "Judicial reform",
        prose: "judicial reform",
        keywords: &[
            "judicial independence",
            "the constitutional court",
            "court appointments",
            "prosecutorial powers",
            "the rule of law",
            "judicial reform",
            "case backlogs",
        ],
    },
    Topic {
        name: "Anti-corruption",
        prose: "anti-corruption policy",
        keywords: &[
            "corruption",
            "procurement fraud",
            "bribery cases",
            "asset declarations",
            "anti-corruption investigations",
            "money laundering",
            "beneficial ownership",
        ],
    },
    Topic {
        name: "Minority rights",
        prose: "minority rights",
        keywords: &[
            "minority rights",
            "language laws",
            "minority schools",
            "citizenship rules",
            "ethnic tensions",
            "cultural autonomy",
            "hate crimes",
        ],
    },
    Topic {
        name: "Defence procurement",
        prose: "defence procurement",
        keywords: &[
            "defence procurement",
            "air defence systems",
            "artillery ammunition",
            "armoured vehicles",
            "defence budgets",
            "arms contracts",
            "military spending",
        ],
    },
    Topic {
        name: "Arms control",
        prose: "arms control",
        keywords: &[
            "arms control",
            "missile deployments",
            "verification regimes",
            "nuclear doctrine",
            "confidence-building measures",
            "treaty compliance",
            "inspection visits",
        ],
    },
    Topic {
        name: "Critical infrastructure",
        prose: "critical infrastructure",
        keywords: &[
            "critical infrastructure",
            "power substations",
            "railway junctions",
            "water treatment plants",
            "data centres",
            "sabotage",
            "infrastructure protection",
        ],
    },
    Topic {
        name: "Transport and logistics",
        prose: "transport and logistics",
        keywords: &[
            "rail freight",
            "transit traffic",
            "road haulage",
            "logistics hubs",
            "the rail gauge question",
            "cargo volumes",
            "transit fees",
        ],
    },
    Topic {
        name: "Climate adaptation",
        prose: "climate adaptation",
        keywords: &[
            "flood defences",
            "drought",
            "heatwaves",
            "climate adaptation",
            "emissions targets",
            "wildfires",
            "coastal erosion",
        ],
    },
    Topic {
        name: "Food security",
        prose: "food security",
        keywords: &[
            "food prices",
            "fertiliser supplies",
            "crop yields",
            "food imports",
            "strategic food reserves",
            "agricultural subsidies",
        ],
    },
    Topic {
        name: "Financial stability",
        prose: "financial stability",
        keywords: &[
            "inflation",
            "bank deposits",
            "currency reserves",
            "the exchange rate",
            "sovereign debt",
            "interest rates",
            "capital flight",
        ],
    },
    Topic {
        name: "Trade policy",
        prose: "trade policy",
        keywords: &[
            "tariffs",
            "trade flows",
            "export licences",
            "the customs union",
            "the trade deficit",
            "import bans",
            "free trade talks",
        ],
    },
    Topic {
        name: "Telecommunications",
        prose: "telecommunications",
        keywords: &[
            "5G networks",
            "telecoms equipment",
            "mobile operators",
            "spectrum auctions",
            "the fibre rollout",
            "satellite internet",
        ],
    },
    Topic {
        name: "Hybrid threats",
        prose: "hybrid threats",
        keywords: &[
            "hybrid threats",
            "covert operations",
            "proxy groups",
            "airspace violations",
            "GPS jamming",
            "sabotage plots",
            "instrumentalised migration",
        ],
    },
    Topic {
        name: "Humanitarian aid",
        prose: "humanitarian aid",
        keywords: &[
            "humanitarian aid",
            "refugee reception",
            "displaced families",
            "aid convoys",
            "shelter capacity",
            "donor funding",
            "winter relief",
        ],
    },
    Topic {
        name: "Labour markets",
        prose: "labour markets",
        keywords: &[
            "unemployment",
            "wage growth",
            "labour shortages",
            "pension reform",
            "skilled workers",
            "the minimum wage",
            "youth unemployment",
        ],
    },
    Topic {
        name: "Digital governance",
        prose: "digital governance",
        keywords: &[
            "data protection",
            "online platforms",
            "digital identity",
            "e-government services",
            "content moderation",
            "surveillance powers",
            "AI regulation",
        ],
    },
    Topic {
        name: "Critical minerals",
        prose: "critical minerals",
        keywords: &[
            "rare earths",
            "critical minerals",
            "lithium deposits",
            "mining licences",
            "processing capacity",
            "mineral supply chains",
            "strategic stockpiles",
        ],
    },
    Topic {
        name: "Arctic affairs",
        prose: "Arctic affairs",
        keywords: &[
            "Arctic shipping",
            "polar research stations",
            "icebreakers",
            "Arctic fisheries",
            "the northern sea route",
            "permafrost thaw",
        ],
    },
];

/// Person titles, repeated by rough frequency.
const PERSON_TITLES: [&str; 24] = [
    "President",
    "Prime Minister",
    "Prime Minister",
    "Minister",
    "Minister",
    "Minister",
    "Minister",
    "Deputy Minister",
    "Deputy Minister",
    "General",
    "General",
    "Colonel",
    "Admiral",
    "Ambassador",
    "Ambassador",
    "Ambassador",
    "Governor",
    "Governor",
    "Mayor",
    "Mayor",
    "Commissioner",
    "Director",
    "Director",
    "Senator",
];

const GIVEN_START: [&str; 40] = [
    "Ma", "Da", "To", "Vi", "Al", "Ka", "Le", "Mi", "Ra", "Se", "Ya", "Ni", "Bo", "Pa", "Ro", "Ta",
    "Ve", "Ze", "Lu", "Ja", "O", "I", "A", "E", "Ge", "Fe", "Ha", "Dar", "Mar", "Ste", "Kri",
    "Vla", "Bra", "Mil", "Na", "Lo", "Sa", "Ti", "Yu", "Ar",
];
const GIVEN_END: [&str; 30] = [
    "rek", "lan", "mas", "na", "lina", "ra", "sha", "dim", "ris", "ta", "ven", "lo", "rin", "nor",
    "ja", "mir", "sel", "tan", "ko", "va", "lek", "ron", "dra", "nia", "mos", "vel", "las", "rik",
    "ana", "ela",
];
const SUR_START: [&str; 40] = [
    "Hol", "Var", "Dre", "Kas", "Mor", "Tel", "Bro", "Zar", "Vel", "Kor", "Lis", "Nav", "Pet",
    "Sol", "Gra", "Ost", "Rud", "Ber", "Dub", "Fen", "Kel", "Lom", "Mak", "Nor", "Pol", "Ren",
    "Sav", "Tor", "Vin", "Yar", "Gor", "Hal", "Jur", "Kav", "Lev", "Mir", "Tam", "Ulm", "Vor",
    "Bel",
];
const SUR_MID: [&str; 10] = ["", "", "an", "en", "o", "ov", "ar", "el", "ak", "er"];
const SUR_END: [&str; 24] = [
    "enko", "ov", "ova", "ski", "ska", "ic", "sen", "berg", "ard", "mann", "as", "is", "ani",
    "escu", "ek", "ovich", "ler", "ton", "ley", "ez", "aki", "uk", "yn", "ell",
];
const PLACE_START: [&str; 32] = [
    "Dra", "Vel", "Kor", "Ost", "Bel", "Mar", "Tor", "Zel", "Nov", "Lud", "Kam", "Ves", "Gal",
    "Hol", "Ryn", "Sar", "Tav", "Ul", "Var", "Yel", "Brod", "Chel", "Dol", "Esk", "Far", "Gor",
    "Kel", "Lom", "Mir", "Pra", "Stav", "Tres",
];
const PLACE_MID: [&str; 9] = ["vo", "ve", "ni", "ra", "lo", "ta", "", "", ""];
const PLACE_END: [&str; 20] = [
    "nsk", "vo", "grad", "burg", "mir", "ava", "ovo", "ets", "ino", "polis", "stad", "hav", "ria",
    "ne", "lin", "dorf", "yn", "ar", "ia", "esk",
];

const ORG_REGION: [&str; 14] = [
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Central",
    "Coastal",
    "Continental",
    "United",
    "Joint",
    "Federal",
    "National",
    "Regional",
    "Allied",
    "Inland",
];
const ORG_DOMAIN: [&str; 24] = [
    "Grain",
    "Energy",
    "Maritime",
    "Border",
    "Rail",
    "Shipping",
    "Cyber",
    "Water",
    "Steel",
    "Fisheries",
    "Customs",
    "Pipeline",
    "Aviation",
    "Telecom",
    "Mining",
    "Timber",
    "Fertiliser",
    "Textile",
    "Freight",
    "Security",
    "Defence",
    "Migration",
    "Health",
    "Power",
];
const ORG_BODY: [&str; 16] = [
    "Council",
    "Agency",
    "Authority",
    "Commission",
    "Association",
    "Union",
    "Directorate",
    "Institute",
    "Board",
    "Forum",
    "Alliance",
    "Federation",
    "Office",
    "Service",
    "Bureau",
    "Centre",
];
const MINISTRY: [&str; 22] = [
    "Coastal Affairs",
    "Border Affairs",
    "Energy",
    "Internal Affairs",
    "Foreign Affairs",
    "Digital Affairs",
    "Agriculture",
    "Infrastructure",
    "Defence",
    "Finance",
    "Trade",
    "Regional Development",
    "Emergency Situations",
    "Economic Development",
    "Health",
    "Justice",
    "Transport",
    "Labour",
    "Environment",
    "Industry",
    "Maritime Affairs",
    "Northern Territories",
];
const CORP_KIND: [&str; 9] = [
    "Group",
    "Holdings",
    "Corporation",
    "Partners",
    "Logistics",
    "Industries",
    "Trading",
    "Resources",
    "Systems",
];
const THINK_KIND: [&str; 8] = [
    "Institute for Strategic Studies",
    "Policy Centre",
    "Foundation",
    "Centre for Security Studies",
    "Institute of International Affairs",
    "Economic Forum",
    "Research Council",
    "School of Public Policy",
];
const CENTRE_FOR: [&str; 14] = [
    "Eastern Studies",
    "Security Policy",
    "Energy Transition",
    "Democratic Governance",
    "Regional Stability",
    "Trade Research",
    "Hybrid Threat Analysis",
    "Border Studies",
    "Maritime Strategy",
    "Civic Resilience",
    "European Integration",
    "Economic Reform",
    "Conflict Prevention",
    "Strategic Foresight",
];
const EXERCISE_ADJ: [&str; 12] = [
    "",
    "",
    "",
    "Iron ",
    "Amber ",
    "Silver ",
    "Northern ",
    "Steel ",
    "Granite ",
    "Winter ",
    "Swift ",
    "Crimson ",
];
const EXERCISE_NOUN: [&str; 15] = [
    "Shield", "Anvil", "Bastion", "Lance", "Harbour", "Falcon", "Wolf", "Gate", "Tide", "Citadel",
    "Spear", "Rampart", "Beacon", "Sentinel", "Ridge",
];
const SUMMIT_WORDS: [&str; 24] = [
    "Tallow",
    "Birchmoor",
    "Lantern",
    "Harrow",
    "Greywater",
    "Ashford",
    "Elmstead",
    "Copperhill",
    "Kestrel",
    "Stonebridge",
    "Willowmere",
    "Redcliff",
    "Oakhaven",
    "Marlow",
    "Thornbury",
    "Frostgate",
    "Saltmarsh",
    "Highcombe",
    "Juniper",
    "Larkspur",
    "Brightwater",
    "Cinder",
    "Foxmoor",
    "Wrenfield",
];
const SUMMIT_KIND: [&str; 6] = [
    "Summit",
    "Forum",
    "Conference",
    "Dialogue",
    "Talks",
    "Round",
];

// ---------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------

const SENTENCES: [&str; 58] = [
    "{P}, speaking {inL} in {M}, said that {K} would remain a priority for the government.",
    "According to figures published by {O} in {MY}, spending on {K} rose by {PCT} compared with the previous year.",
    "{Cs} approach to {K} has shifted markedly since {Y}, when {E} exposed gaps in planning.",
    "Officials {inL} described {K} as the most pressing issue facing the region.",
    "{Ps} office has not commented on reports that {O} is preparing new guidance on {K}.",
    "The decision drew criticism from {P}, who argued that {K} should be handled jointly with {R}.",
    "{A} diplomats have privately acknowledged that {K2} complicates negotiations over {K}.",
    "Analysts at {O} estimate that {BIG} will be needed to address {K} over the next {N} years.",
    "The episode echoed tensions seen during {E}, when {K} briefly dominated the agenda.",
    "{R} has repeatedly urged {C} to align its rules on {K} with those of its neighbours.",
    "Local authorities {inL} reported an increase of {PCT} in complaints about {K} during the first quarter of {Y}.",
    "{P} met counterparts from {C} in {M} to discuss {K} and {K2}.",
    "It remains unclear whether {O} has the mandate or the budget to act on {K}.",
    "A leaked memo suggests that {P} favoured a slower timetable for changes to {K}.",
    "Since {MY}, at least {N} incidents linked to {K} have been recorded {inL}.",
    "{C} and {C} signed a memorandum on {K} on the margins of {E}.",
    "An internal assessment circulated in {M} warns that {K} could deteriorate further if {O} does not intervene.",
    "Critics note that {K} {was} barely mentioned when {P} presented the strategy to parliament in {Y}.",
    "Residents {inL} have grown sceptical of official assurances about {K}.",
    "{O} announced a review of {K} after pressure from {R} and several member states.",
    "In private, {A} officials concede that progress on {K} has been slower than promised.",
    "Observers expect {K} to feature prominently at {E}.",
    "{P} dismissed the concerns as exaggerated, pointing instead to gains in {K2}.",
    "Funding for {K} fell to {BIG} in {Y}, the lowest level in {N} years.",
    "A joint statement by {O} and {O} called for closer coordination on {K}.",
    "Much will depend on whether {P} can secure support from {C} before {M}.",
    "Satellite imagery reviewed by {O} points to new construction near {L}, which officials link to {K}.",
    "The government insists that {K} {is} under control, but independent data tell a different story.",
    "Industry representatives warned that uncertainty over {K} is already deterring investment.",
    "The figure compares with {PCT} a year earlier, suggesting that pressure on {K} is accelerating.",
    "Negotiators from {C} reportedly walked out of talks on {K} in {MY}.",
    "{Ps} predecessor had taken a markedly harder line on {K}.",
    "The next test will come in {M}, when {O} is due to publish its annual report on {K}.",
    "Few expect a breakthrough on {K} before the elections scheduled for {Y1}.",
    "For {R}, the priority is to prevent {K} from spilling over into {K2}.",
    "{L} has become a focal point for debates about {K}.",
    "Officials involved in planning {E} said lessons on {K} had been built into the scenario.",
    "{P} and {P} clashed publicly over {K} during a televised debate in {M}.",
    "The {A} government has allocated {BIG} to {K} under a programme running until {Y1}.",
    "This assessment draws on interviews with officials {inL} and on documents published by {O}.",
    "There is little evidence that {K} {has} improved since {E}.",
    "Some {N} companies registered {inL} are believed to be exposed to {K}.",
    "{Cs} parliament is expected to vote on a bill covering {K} and {K2} in {M}.",
    "In a speech in {M}, {P} described {K} as a matter of national survival.",
    "The dispute over {K} has strained relations between {O} and the authorities {inL}.",
    "Diplomats in {C} say {P} has quietly lobbied for a compromise on {K}.",
    "{O} has so far declined to publish the underlying data on {K}.",
    "Statistics for {Y} show that {K} accounted for {PCT} of total spending in the sector.",
    "Whether {E} marked a turning point for {K} remains an open question.",
    "{P}, who chairs the working group on {T}, has called for an independent audit of {K}.",
    "The move was welcomed {inL}, where {K} has been a source of friction for years.",
    "Without sustained attention from {R}, gains on {K} could prove fragile.",
    "{A} and {A} officials remain divided over how to sequence reforms on {K}.",
    "Earlier this year, {P} warned that {K} and {K2} were becoming harder to separate.",
    "The debate on {T} has been reshaped by {K}, particularly since {MY}.",
    "None of this suggests that pressure on {K} will ease quickly.",
    "Reports from {L} suggest that {K} {is} already affecting day-to-day life.",
    "{O} and {P} have both signalled that {K} will shape their priorities for {Y1}.",
];

const HEADINGS: [&str; 20] = [
    "What is driving the shift in {K}?",
    "Why should policymakers care about {K} now?",
    "How exposed is {C} to {K}?",
    "What has changed since {Y}?",
    "Who benefits from {K}?",
    "What are the risks for {T}?",
    "How credible are official figures on {K}?",
    "What could change before {Y1}?",
    "Should {K} be treated as a regional or a national problem?",
    "What are neighbouring states doing about {K}?",
    "Where do the main actors stand?",
    "What should policymakers watch next?",
    "How durable is the current approach to {K}?",
    "Can {K} and {K2} be managed together?",
    "What does this mean for {T}?",
    "What has changed in {K} over the past year?",
    "Are the new measures on {K} working?",
    "What role do outside powers play?",
    "How is {C} positioning itself?",
    "Who is accountable for {K}?",
];

const TITLES: [&str; 20] = [
    "{C} tightens its grip on {K}",
    "{Ps} gamble on {K}",
    "What {E} revealed about {K}",
    "{K} under strain {inL}",
    "{O} and the politics of {K}",
    "Why {K} {is} testing {C}",
    "{K} after {E}",
    "The {A} debate over {K}",
    "{C}, {C} and the future of {K}",
    "Inside the row over {K} {inL}",
    "{T}: what to watch in {Y1}",
    "A new phase for {K} in {C}",
    "{P} bets on {K} amid concern over {K2}",
    "How {K} became a test for {R}",
    "{K} and {K2}: the view from {L}",
    "Can {O} fix {K}?",
    "{A} officials rethink {K}",
    "Reading the signals on {K} from {C}",
    "{K}: {A} choices and pressure from {R}",
    "{P}, {K} and the limits of {T}",
];

const SUMMARIES: [&str; 8] = [
    "Assesses {K} in {C} and the likely response from {O}.",
    "Examines how {K} and {K2} have evolved since {Y} and what to expect next.",
    "Reviews recent developments in {T}, with a focus on {K}.",
    "Looks at the pressures on {K} and the options open to {C}.",
    "Sets out what is known about {K} {inL} and where the main uncertainties lie.",
    "Considers what {E} means for {K} and for {R}.",
    "Profiles {P} and the politics of {K}.",
    "Explains why {K} has moved up the agenda in {C} and who stands to gain.",
];

const CONNECTIVES: [&str; 10] = [
    "However",
    "Meanwhile",
    "At the same time",
    "In practice",
    "By contrast",
    "Moreover",
    "Even so",
    "In addition",
    "For now",
    "Notably",
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Slot {
    P,
    Ps,
    O,
    /// An organisation with a possessive (`the BSC's`); hard corpus only.
    Os,
    /// A treaty, agreement or programme; hard corpus only.
    X,
    L,
    InL,
    E,
    C,
    Cs,
    A,
    R,
    K,
    K2,
    T,
    N,
    Big,
    Pct,
    M,
    My,
    Y,
    Y1,
    /// "is"/"are", agreeing with the preceding keyword.
    Is,
    /// "was"/"were", agreeing with the preceding keyword.
    Was,
    /// "has"/"have", agreeing with the preceding keyword.
    Has,
}

impl Slot {
    fn parse(name: &str) -> Option<Slot> {
        Some(match name {
            "P" => Slot::P,
            "Ps" => Slot::Ps,
            "O" => Slot::O,
            "Os" => Slot::Os,
            "X" => Slot::X,
            "L" => Slot::L,
            "inL" => Slot::InL,
            "E" => Slot::E,
            "C" => Slot::C,
            "Cs" => Slot::Cs,
            "A" => Slot::A,
            "R" => Slot::R,
            "K" => Slot::K,
            "K2" => Slot::K2,
            "T" => Slot::T,
            "N" => Slot::N,
            "BIG" => Slot::Big,
            "PCT" => Slot::Pct,
            "M" => Slot::M,
            "MY" => Slot::My,
            "Y" => Slot::Y,
            "Y1" => Slot::Y1,
            "is" => Slot::Is,
            "was" => Slot::Was,
            "has" => Slot::Has,
            _ => return None,
        })
    }

    fn entity_type(self) -> Option<Ty> {
        match self {
            Slot::P | Slot::Ps => Some(Ty::Person),
            Slot::O | Slot::Os => Some(Ty::Org),
            Slot::X => Some(Ty::Other),
            Slot::L | Slot::InL => Some(Ty::Place),
            Slot::E => Some(Ty::Event),
            Slot::C | Slot::Cs | Slot::A => Some(Ty::Country),
            Slot::R => Some(Ty::Real),
            _ => None,
        }
    }
}

enum Tok {
    Lit(&'static str),
    Slot(Slot),
}

struct Template {
    toks: Vec<Tok>,
    /// How many distinct entities of each type the template needs.
    need: [u8; NTY],
    /// Bit mask of entity types used.
    mask: u8,
    /// Starts with a literal word that may be lower-cased after a connective.
    starts_lit: bool,
}

impl Template {
    fn parse(s: &'static str) -> Template {
        let mut toks = Vec::new();
        let mut rest = s;
        while let Some(open) = rest.find('{') {
            if open > 0 {
                toks.push(Tok::Lit(&rest[..open]));
            }
            let close = open
                + rest[open..]
                    .find('}')
                    .unwrap_or_else(|| panic!("unclosed slot in template {s:?}"));
            let name = &rest[open + 1..close];
            let slot =
                Slot::parse(name).unwrap_or_else(|| panic!("unknown slot {name:?} in {s:?}"));
            toks.push(Tok::Slot(slot));
            rest = &rest[close + 1..];
        }
        if !rest.is_empty() {
            toks.push(Tok::Lit(rest));
        }
        let mut need = [0u8; NTY];
        let mut mask = 0u8;
        for t in &toks {
            if let Tok::Slot(sl) = t {
                if let Some(ty) = sl.entity_type() {
                    need[ty as usize] += 1;
                    mask |= 1 << ty as u8;
                }
            }
        }
        let starts_lit = matches!(toks.first(), Some(Tok::Lit(_)));
        Template {
            toks,
            need,
            mask,
            starts_lit,
        }
    }

    fn fits(&self, avail: &[usize; NTY]) -> bool {
        self.need
            .iter()
            .zip(avail)
            .all(|(&need, &have)| usize::from(need) <= have)
    }
}

// ---------------------------------------------------------------------------
// Entities and the world
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Ty {
    Person = 0,
    Org = 1,
    Place = 2,
    Event = 3,
    Country = 4,
    Real = 5,
    Other = 6,
}
const NTY: usize = 7;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum PlaceKind {
    Town,
    Port,
    Region,
}

enum Entity {
    Person {
        title: &'static str,
        given: String,
        surname: String,
        /// Another person has the same surname: never written bare.
        shared: bool,
    },
    Org {
        name: String,
        acr: String,
        article: bool,
        short_article: bool,
        real: bool,
    },
    Place {
        name: String,
        kind: PlaceKind,
    },
    Event {
        name: String,
        exercise: bool,
        year: i64,
    },
    Country {
        name: &'static str,
        adj: &'static str,
        article: bool,
    },
    /// A treaty, agreement or programme (type `other`).
    Other {
        name: String,
        acr: String,
    },
}

impl Entity {
    fn ty(&self) -> Ty {
        match self {
            Entity::Person { .. } => Ty::Person,
            Entity::Org { real: false, .. } => Ty::Org,
            Entity::Org { real: true, .. } => Ty::Real,
            Entity::Place { .. } => Ty::Place,
            Entity::Event { .. } => Ty::Event,
            Entity::Country { .. } => Ty::Country,
            Entity::Other { .. } => Ty::Other,
        }
    }

    /// The canonical name (used as the Hugo taxonomy term).
    fn canonical(&self) -> String {
        match self {
            Entity::Person { given, surname, .. } => format!("{given} {surname}"),
            Entity::Org { name, .. }
            | Entity::Place { name, .. }
            | Entity::Event { name, .. }
            | Entity::Other { name, .. } => name.clone(),
            Entity::Country { name, .. } => (*name).to_string(),
        }
    }
}

struct World {
    /// The `--hard` corpus: extra frames, pools and kinds.
    hard: bool,
    entities: Vec<Entity>,
    /// Entity ids in popularity order (rank 0 = most frequent).
    ranking: Vec<usize>,
    zipf: Zipf,
    analysts: Vec<String>,
    topic_order: Vec<usize>,
    topic_zipf: Zipf,
    sentences: Vec<Template>,
    headings: Vec<Template>,
    titles: Vec<Template>,
    summaries: Vec<Template>,
}

const N_PEOPLE: usize = 1800;
const N_ORGS: usize = 600;
const N_PLACES: usize = 500;
const N_EXERCISES: usize = 70;
const N_SUMMITS: usize = 30;
const N_ANALYSTS: usize = 60;

/// Names (and acronyms) already taken, to keep the pool unambiguous.
struct NameRegistry(HashSet<String>);

impl NameRegistry {
    fn claim(&mut self, name: &str) -> bool {
        self.0.insert(name.to_string())
    }
    fn taken(&self, name: &str) -> bool {
        self.0.contains(name)
    }
}

fn given_name(rng: &mut Rng) -> String {
    join_syllables(&[rng.word(&GIVEN_START), rng.word(&GIVEN_END)])
}

fn join_syllables(parts: &[&str]) -> String {
    let mut out = String::new();
    for p in parts {
        if p.is_empty() {
            continue;
        }
        // Avoid doubled vowels at syllable joins ("Varo" + "ova").
        let last = out.chars().last();
        let first = p.chars().next();
        let mut part: &str = p;
        if let (Some(a), Some(b)) = (last, first) {
            if is_vowel(a) && is_vowel(b) {
                if out.len() > 1 {
                    out.pop();
                } else {
                    part = &p[b.len_utf8()..];
                }
            }
        }
        out.push_str(part);
    }
    out
}

fn is_vowel(c: char) -> bool {
    matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

fn surname(rng: &mut Rng) -> String {
    join_syllables(&[rng.word(&SUR_START), rng.word(&SUR_MID), rng.word(&SUR_END)])
}

fn place_word(rng: &mut Rng) -> String {
    join_syllables(&[
        rng.word(&PLACE_START),
        rng.word(&PLACE_MID),
        rng.word(&PLACE_END),
    ])
}

fn acronym(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| !matches!(*w, "of" | "for" | "and" | "the"))
        .filter_map(|w| w.chars().next())
        .filter(char::is_ascii_uppercase)
        .collect()
}

impl World {
    fn new(seed: u64, hard: bool) -> World {
        let mut rng = Rng::stream(seed, 0x5EED_0F30_17AB);
        let mut names = NameRegistry(HashSet::new());
        for (name, adj, _) in COUNTRIES {
            names.claim(name);
            names.claim(adj);
        }
        for (name, acr, _, _) in REAL_ORGS {
            names.claim(name);
            if !acr.is_empty() {
                names.claim(acr);
            }
        }

        let mut invented: Vec<Entity> = Vec::new();

        // People: unique surnames, so "Holvenko" alone identifies one person.
        let mut people = 0;
        while people < N_PEOPLE {
            let sur = surname(&mut rng);
            if sur.len() < 4 || !names.claim(&sur) {
                continue;
            }
            invented.push(Entity::Person {
                title: rng.word(&PERSON_TITLES),
                given: given_name(&mut rng),
                surname: sur,
                shared: false,
            });
            people += 1;
        }

        // Analysts (authors) are distinct from the people in the text.
        let mut analysts = Vec::new();
        while analysts.len() < N_ANALYSTS {
            let sur = surname(&mut rng);
            if !names.claim(&sur) {
                continue;
            }
            analysts.push(format!("{} {sur}", given_name(&mut rng)));
        }

        // Places.
        let mut places = 0;
        while places < N_PLACES {
            let word = place_word(&mut rng);
            if names.taken(&word) {
                continue;
            }
            let roll = rng.below(100);
            let (name, kind) = if roll < 12 {
                (format!("Port {word}"), PlaceKind::Port)
            } else if roll < 24 {
                (word.clone(), PlaceKind::Port)
            } else if roll < 42 {
                (word.clone(), PlaceKind::Region)
            } else {
                (word.clone(), PlaceKind::Town)
            };
            names.claim(&word);
            names.claim(&name);
            invented.push(Entity::Place { name, kind });
            places += 1;
        }

        // Organisations with unique acronyms.
        let mut orgs = 0;
        let mut attempts = 0;
        while orgs < N_ORGS {
            attempts += 1;
            let roll = rng.below(100);
            let (name, article) = if roll < 36 {
                (
                    format!(
                        "{} {} {}",
                        rng.word(&ORG_REGION),
                        rng.word(&ORG_DOMAIN),
                        rng.word(&ORG_BODY)
                    ),
                    true,
                )
            } else if roll < 46 {
                (format!("Ministry of {}", rng.word(&MINISTRY)), true)
            } else if roll < 74 {
                (
                    format!(
                        "{} {} {}",
                        place_word(&mut rng),
                        rng.word(&ORG_DOMAIN),
                        rng.word(&CORP_KIND)
                    ),
                    false,
                )
            } else if roll < 90 {
                (
                    format!("{} {}", place_word(&mut rng), rng.word(&THINK_KIND)),
                    true,
                )
            } else {
                (format!("Centre for {}", rng.word(&CENTRE_FOR)), true)
            };
            if names.taken(&name) {
                continue;
            }
            let mut acr = acronym(&name);
            let wants_acr = rng.chance(0.92);
            if !wants_acr || acr.len() < 2 || names.taken(&acr) {
                if attempts < 20_000 && wants_acr {
                    continue;
                }
                acr.clear();
            }
            names.claim(&name);
            if !acr.is_empty() {
                names.claim(&acr);
            }
            invented.push(Entity::Org {
                name,
                acr,
                article,
                short_article: false,
                real: false,
            });
            orgs += 1;
        }

        // Events.
        let mut exercises = 0;
        while exercises < N_EXERCISES {
            let year = rng.range(2014, 2025) as i64;
            let name = format!(
                "{}{}-{year}",
                rng.word(&EXERCISE_ADJ),
                rng.word(&EXERCISE_NOUN)
            );
            if !names.claim(&name) {
                continue;
            }
            invented.push(Entity::Event {
                name,
                exercise: true,
                year,
            });
            exercises += 1;
        }
        let mut summits = 0;
        while summits < N_SUMMITS {
            let word = if rng.chance(0.5) {
                rng.word(&SUMMIT_WORDS).to_string()
            } else {
                place_word(&mut rng)
            };
            let name = format!("{word} {}", rng.word(&SUMMIT_KIND));
            if !names.claim(&name) {
                continue;
            }
            invented.push(Entity::Event {
                name,
                exercise: false,
                year: rng.range(2015, 2025) as i64,
            });
            summits += 1;
        }

        if hard {
            add_hard_entities(seed, &mut names, &mut invented);
        }

        // Popularity: shuffle invented entities, then place real countries and
        // organisations among the top few hundred ranks.
        let mut entities = invented;
        let n_invented = entities.len();
        for (name, adj, article) in COUNTRIES {
            entities.push(Entity::Country { name, adj, article });
        }
        for (name, acr, article, short_article) in REAL_ORGS {
            entities.push(Entity::Org {
                name: name.to_string(),
                acr: acr.to_string(),
                article,
                short_article,
                real: true,
            });
        }
        let mut ranking: Vec<usize> = (0..n_invented).collect();
        rng.shuffle(&mut ranking);
        for id in n_invented..entities.len() {
            let pos = rng.below(400.min(ranking.len()));
            ranking.insert(pos, id);
        }
        let zipf = Zipf::new(ranking.len(), 1.1);

        let mut topic_order: Vec<usize> = (0..TOPICS.len()).collect();
        rng.shuffle(&mut topic_order);

        let mut sentences: Vec<&'static str> = SENTENCES.to_vec();
        if hard {
            sentences.extend(HARD_SENTENCES);
        }
        World {
            hard,
            entities,
            ranking,
            zipf,
            analysts,
            topic_order,
            topic_zipf: Zipf::new(TOPICS.len(), 0.6),
            sentences: sentences.iter().map(|s| Template::parse(s)).collect(),
            headings: HEADINGS.iter().map(|s| Template::parse(s)).collect(),
            titles: TITLES.iter().map(|s| Template::parse(s)).collect(),
            summaries: SUMMARIES.iter().map(|s| Template::parse(s)).collect(),
        }
    }
}

// ---------------------------------------------------------------------------
// The hard corpus (`--hard`): what makes discovery hard
// ---------------------------------------------------------------------------

/// Sentence frames that open on a common word glued to a name, define
/// acronyms after sentence-initial words, use units, currencies and common
/// acronyms, possessives of organisations, roles and treaties.
const HARD_SENTENCES: [&str; 40] = [
    "Support for {C} has grown steadily since {Y}.",
    "Support for {O} among {A} voters has fallen sharply.",
    "Talks with {O} stalled in {M} over {K}.",
    "Talks with {P} are expected to resume before {Y1}.",
    "Pressure on {C} to compromise on {K} is mounting.",
    "Pressure on {P} has grown since {MY}.",
    "Criticism of {O} has intensified over {K}.",
    "Opposition to {X} is strongest {inL}.",
    "Policymakers in {C} remain divided over {K}.",
    "Lawmakers {inL} rejected the proposal on {K} in {M}.",
    "Investors remain wary of {K}, according to {O}.",
    "Regulators at {O} have questioned the figures on {K}.",
    "Stakeholders {inL} were not consulted about {K}.",
    "Negotiators expect {P} to table a compromise on {K}.",
    "LNG imports into {C} rose by {PCT} in {Y}.",
    "GDP growth {inL} slowed to {PCT} in {Y}, the weakest since {E}.",
    "{C} plans to add 1,200 MW of capacity near {L} by {Y1}.",
    "A new 400 MW plant {inL} is due to open in {M}.",
    "AI tools are now used by {O} to monitor {K}.",
    "The project will cost EUR 40 million, according to {P}.",
    "FDI inflows to {C} fell by {PCT} after the VAT rise.",
    "The pipeline will carry 5 bcm of gas a year to {L}.",
    "SME lending {inL} has stalled, and CO2 targets look out of reach.",
    "{Os} budget for {K} was cut by USD 12 million in {Y}.",
    "{Os} report on {K} was delayed until {M}.",
    "Under {X}, {C} agreed to share data on {K}.",
    "{C} joined {X} in {Y}, but has yet to ratify it.",
    "{P} defended {X} in a speech in {M}.",
    "Funding from {O} for {C} and {C} was approved in {M}.",
    "The {A}-backed {O} has promised to publish its findings on {K}.",
    "The {A}-led {O} met in {M} to discuss {K}.",
    "{A} Deputy Foreign Minister {P} said talks on {K} would continue.",
    "Minister {P} did not respond to questions about {K}.",
    "{P} criticised {O} for its handling of {K}.",
    "{P} and {P} disagree on {K}.",
    "Backing from {C} for {X} has wavered since {Y}.",
    "{E} was followed closely {inL}, where {K} dominates politics.",
    "In {Y}, {P} visited {L} to discuss {K}.",
    "Observers {inL} expect {P} to stand again in {Y1}.",
    "{Cs} position on {X} has hardened since {MY}.",
];

/// Real given names for a second pool of people (`Yara Elireley`).
const GIVEN_REAL: [&str; 40] = [
    "Yara", "Daniel", "Amira", "Tomas", "Elena", "Jonas", "Mira", "Omar", "Lena", "Ivan", "Sofia",
    "Karim", "Nadia", "Pavel", "Irina", "Farid", "Leila", "Milan", "Petra", "Anton", "Oksana",
    "Viktor", "Hana", "Marek", "Ines", "Rustam", "Alina", "Goran", "Zofia", "Emil", "Dina",
    "Andrei", "Katya", "Sami", "Vera", "Bogdan", "Laura", "Nikos", "Selin", "Arman",
];
const SUR2_START: [&str; 20] = [
    "Eli", "Ash", "Brom", "Cal", "Dun", "Har", "Ing", "Kil", "Mel", "Nor", "Pem", "Quar", "Rad",
    "Stan", "Thur", "Wel", "Yor", "Ferr", "Glen", "Ald",
];
const SUR2_END: [&str; 16] = [
    "reley", "wick", "ford", "ham", "stead", "more", "by", "combe", "well", "ridge", "ley",
    "worth", "den", "field", "ton", "holm",
];
/// Bodies for long organisation names with `for` inside.
const FOR_BODY: [&str; 6] = [
    "Secretariat",
    "Office",
    "Commission",
    "Council",
    "Agency",
    "Directorate",
];
const FOR_REGION: [&str; 8] = [
    "Levantine",
    "Baltic",
    "Adriatic",
    "Caspian",
    "Danubian",
    "Pontic",
    "Carpathian",
    "Nordic",
];
const TREATY_FORM: [&str; 5] = [
    "Treaty on {D} Cooperation",
    "{W} Agreement on {D}",
    "{W} Programme",
    "Convention on {D} Safety",
    "{W} Accord",
];
const N_HARD_PEOPLE: usize = 400;
const N_SHARED_SURNAMES: usize = 120;
const N_FOR_ORGS: usize = 80;
const N_TREATIES: usize = 40;

/// The hard corpus's extra entities: people with real given names and
/// another surname pool, people who share a surname, organisations with
/// `for` inside, and treaties. Drawn from their own stream, so the default
/// world is unchanged.
fn add_hard_entities(seed: u64, names: &mut NameRegistry, invented: &mut Vec<Entity>) {
    let mut rng = Rng::stream(seed, 0x4A5D_C0DE);
    let mut added = 0;
    while added < N_HARD_PEOPLE {
        let sur = join_syllables(&[
            rng.word(&SUR2_START),
            rng.word(&SUR_MID),
            rng.word(&SUR2_END),
        ]);
        if sur.len() < 5 || !names.claim(&sur) {
            continue;
        }
        let given = rng.word(&GIVEN_REAL).to_string();
        invented.push(Entity::Person {
            title: rng.word(&PERSON_TITLES),
            given,
            surname: sur,
            shared: false,
        });
        added += 1;
    }
    share_surnames(&mut rng, names, invented);
    for_organisations(&mut rng, names, invented);
    let mut treaties = 0;
    while treaties < N_TREATIES {
        let name = TREATY_FORM[rng.below(TREATY_FORM.len())]
            .replace("{D}", rng.word(&ORG_DOMAIN))
            .replace("{W}", &place_word(&mut rng));
        if !names.claim(&name) {
            continue;
        }
        let acr = if rng.chance(0.4) {
            let acr = acronym(&name);
            if acr.len() >= 3 && names.claim(&acr) {
                acr
            } else {
                String::new()
            }
        } else {
            String::new()
        };
        invented.push(Entity::Other { name, acr });
        treaties += 1;
    }
}

/// New people who take the surname of an existing one; both are then
/// always written with their given name.
fn share_surnames(rng: &mut Rng, names: &mut NameRegistry, invented: &mut Vec<Entity>) {
    let people: Vec<usize> = (0..invented.len())
        .filter(|&i| matches!(invented[i], Entity::Person { .. }))
        .collect();
    let mut added = 0;
    while added < N_SHARED_SURNAMES {
        let id = *rng.pick(&people);
        let given = rng.word(&GIVEN_REAL).to_string();
        let Entity::Person {
            surname, shared, ..
        } = &mut invented[id]
        else {
            continue;
        };
        if *shared || !names.claim(&format!("{given} {surname}")) {
            continue;
        }
        *shared = true;
        let surname = surname.clone();
        invented.push(Entity::Person {
            title: rng.word(&PERSON_TITLES),
            given,
            surname,
            shared: true,
        });
        added += 1;
    }
}

/// `Levantine Secretariat for Trade Affairs`.
fn for_organisations(rng: &mut Rng, names: &mut NameRegistry, invented: &mut Vec<Entity>) {
    let mut added = 0;
    while added < N_FOR_ORGS {
        let name = format!(
            "{} {} for {} Affairs",
            rng.word(&FOR_REGION),
            rng.word(&FOR_BODY),
            rng.word(&ORG_DOMAIN)
        );
        if !names.claim(&name) {
            continue;
        }
        let acr = acronym(&name);
        let acr = if names.claim(&acr) {
            acr
        } else {
            String::new()
        };
        invented.push(Entity::Org {
            name,
            acr,
            article: true,
            short_article: false,
            real: false,
        });
        added += 1;
    }
}

// ---------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------

struct Section {
    heading: String,
    paragraphs: Vec<String>,
}

struct Doc {
    title: String,
    date: Date,
    authors: Vec<usize>,
    topics: Vec<usize>,
    summary: String,
    sections: Vec<Section>,
    /// Entities appearing anywhere in the document, in order of first appearance.
    entities: Vec<usize>,
    /// Entities in the title and body, with the forms written.
    truth: Vec<(usize, Vec<String>)>,
    txt: bool,
    stem: String,
}

/// How entity slots are rendered.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Running text: full introduction at first mention, short forms later.
    Prose,
    /// Titles: short, headline forms; no mention state.
    Title,
    /// Summary: full names without acronyms; no mention state.
    Summary,
}

/// Per-document generation state.
struct DocGen<'w> {
    world: &'w World,
    rng: Rng,
    year: i64,
    date: Date,
    topics: Vec<usize>,
    /// Chosen entity ids per type.
    chosen: [Vec<usize>; NTY],
    /// Entities already introduced in the prose.
    introduced: Vec<usize>,
    /// Entities appearing anywhere, in order.
    listed: Vec<usize>,
    recent_templates: Vec<usize>,
    /// Entities written into the title and body, with the forms written.
    truth: Vec<(usize, Vec<String>)>,
    /// Whether what is rendered now is text Dossier reads (not the summary).
    recording: bool,
}

impl<'w> DocGen<'w> {
    fn entity(&self, id: usize) -> &'w Entity {
        &self.world.entities[id]
    }

    /// A topic keyword: mostly from the primary topic, sometimes from the
    /// other topics of the briefing, and (unless `focused`) occasionally noise.
    fn keyword(&mut self, focused: bool) -> &'static str {
        let roll = self.rng.unit();
        let topic = if roll < 0.6 {
            self.topics[0]
        } else if roll < 0.9 || focused {
            *self.rng.pick(&self.topics)
        } else {
            self.rng.below(TOPICS.len())
        };
        self.rng.word(TOPICS[topic].keywords)
    }

    fn pick_entity(&mut self, ty: Ty, used: &[usize], prefer_new: bool) -> usize {
        let cands: Vec<usize> = self.chosen[ty as usize]
            .iter()
            .copied()
            .filter(|id| !used.contains(id))
            .collect();
        let fresh: Vec<usize> = cands
            .iter()
            .copied()
            .filter(|id| !self.introduced.contains(id))
            .collect();
        if prefer_new && !fresh.is_empty() {
            *self.rng.pick(&fresh)
        } else {
            *self.rng.pick(&cands)
        }
    }

    fn apostrophe(&mut self) -> &'static str {
        if self.rng.chance(0.85) {
            "\u{2019}"
        } else {
            "'"
        }
    }

    fn render_entity(&mut self, id: usize, slot: Slot, mode: Mode, out: &mut String) {
        let form = self.write_entity(id, slot, mode, out);
        if self.recording {
            match self.truth.iter_mut().find(|(e, _)| *e == id) {
                Some((_, forms)) if !forms.contains(&form) => forms.push(form),
                Some(_) => {}
                None => self.truth.push((id, vec![form])),
            }
        }
    }

    /// Writes one mention of entity `id`; returns its name as written
    /// (without article, preposition or possessive).
    fn write_entity(&mut self, id: usize, slot: Slot, mode: Mode, out: &mut String) -> String {
        let first = !self.introduced.contains(&id);
        if !self.listed.contains(&id) {
            self.listed.push(id);
        }
        if mode == Mode::Prose && first {
            self.introduced.push(id);
        }
        let first = first || mode == Mode::Summary;
        match self.entity(id) {
            Entity::Person {
                title,
                given,
                surname,
                shared,
            } => {
                let form = self.write_person(title, given, surname, *shared, mode, first, out);
                if slot == Slot::Ps {
                    let apo = self.apostrophe();
                    out.push_str(apo);
                    out.push('s');
                }
                form
            }
            Entity::Org {
                name,
                acr,
                article,
                short_article,
                ..
            } => self.write_org(
                name,
                acr,
                (*article, *short_article),
                slot,
                mode,
                first,
                out,
            ),
            Entity::Place { name, kind } => {
                let kind = *kind;
                let town_cue = mode == Mode::Prose && first && self.rng.chance(0.2);
                let plain = match kind {
                    PlaceKind::Town if town_cue => format!("the town of {name}"),
                    PlaceKind::Town => name.clone(),
                    PlaceKind::Port if name.starts_with("Port ") => name.clone(),
                    PlaceKind::Port => format!("the port of {name}"),
                    PlaceKind::Region => format!("the {name} region"),
                };
                if slot == Slot::InL {
                    let prep = if kind == PlaceKind::Port && !name.starts_with("Port ") {
                        "at"
                    } else {
                        "in"
                    };
                    let _ = write!(out, "{prep} {plain}");
                } else {
                    out.push_str(&plain);
                }
                name.clone()
            }
            Entity::Event {
                name,
                exercise,
                year,
            } => {
                let written = if *exercise && self.world.hard {
                    self.exercise_form(name, *year)
                } else {
                    name.clone()
                };
                if *exercise {
                    if mode == Mode::Prose && first {
                        let _ = write!(out, "the {written} exercise");
                    } else {
                        out.push_str(&written);
                    }
                } else {
                    let _ = write!(out, "the {name}");
                }
                written
            }
            Entity::Country { name, adj, article } => match slot {
                Slot::A => {
                    out.push_str(adj);
                    (*adj).to_string()
                }
                Slot::Cs => {
                    let the = if *article { "the " } else { "" };
                    let apo = self.apostrophe();
                    if name.ends_with('s') && *article {
                        let _ = write!(out, "{the}{name}{apo}");
                    } else {
                        let _ = write!(out, "{the}{name}{apo}s");
                    }
                    (*name).to_string()
                }
                _ => {
                    if *article {
                        out.push_str("the ");
                    }
                    out.push_str(name);
                    (*name).to_string()
                }
            },
            Entity::Other { name, acr } => {
                if mode == Mode::Prose && !first && !acr.is_empty() {
                    out.push_str(acr);
                    acr.clone()
                } else if mode == Mode::Prose && !acr.is_empty() {
                    let _ = write!(out, "the {name} ({acr})");
                    name.clone()
                } else {
                    let _ = write!(out, "the {name}");
                    name.clone()
                }
            }
        }
    }

    /// Writes an organisation: the full name with its acronym at first
    /// mention, the acronym later; returns the form written.
    #[allow(clippy::too_many_arguments)]
    fn write_org(
        &mut self,
        name: &str,
        acr: &str,
        (article, short_article): (bool, bool),
        slot: Slot,
        mode: Mode,
        first: bool,
        out: &mut String,
    ) -> String {
        let the = if article { "the " } else { "" };
        let form = if mode == Mode::Prose && !first && !acr.is_empty() {
            if short_article || slot == Slot::Os {
                out.push_str("the ");
            }
            out.push_str(acr);
            acr.to_string()
        } else if mode == Mode::Prose && !acr.is_empty() && slot != Slot::Os {
            let _ = write!(out, "{the}{name} ({acr})");
            name.to_string()
        } else if mode == Mode::Title && !acr.is_empty() && short_article {
            let _ = write!(out, "the {acr}");
            acr.to_string()
        } else {
            let _ = write!(out, "{the}{name}");
            name.to_string()
        };
        if slot == Slot::Os {
            let apo = self.apostrophe();
            out.push_str(apo);
            out.push('s');
        }
        form
    }

    /// Writes a person's name; returns it without the title.
    #[allow(clippy::too_many_arguments)]
    fn write_person(
        &mut self,
        title: &str,
        given: &str,
        surname: &str,
        shared: bool,
        mode: Mode,
        first: bool,
        out: &mut String,
    ) -> String {
        let full = format!("{given} {surname}");
        let titled = if self.world.hard { 0.3 } else { 0.12 };
        match mode {
            Mode::Title if shared => {
                out.push_str(&full);
                full
            }
            Mode::Title => {
                out.push_str(surname);
                surname.to_string()
            }
            Mode::Summary => {
                let _ = write!(out, "{title} {full}");
                full
            }
            Mode::Prose if first || shared => {
                if self.rng.chance(0.6) {
                    let _ = write!(out, "{title} {full}");
                } else {
                    out.push_str(&full);
                }
                full
            }
            Mode::Prose => {
                if self.rng.chance(titled) {
                    let _ = write!(out, "{title} {surname}");
                } else {
                    out.push_str(surname);
                }
                surname.to_string()
            }
        }
    }

    /// An exercise in the hard corpus: `Steel Shield-2021`, `Steel Shield
    /// 2021`, or the bare series name `Steel Shield`.
    fn exercise_form(&mut self, name: &str, year: i64) -> String {
        let series = name
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .trim_end_matches('-');
        match self.rng.below(10) {
            0..=4 => name.to_string(),
            5..=8 => format!("{series} {year}"),
            _ => series.to_string(),
        }
    }

    fn number_small(&mut self) -> String {
        const WORDS: [&str; 8] = [
            "two", "three", "four", "five", "six", "seven", "eight", "nine",
        ];
        let n = self.rng.range(2, 40);
        if n < 10 {
            WORDS[n - 2].to_string()
        } else {
            n.to_string()
        }
    }

    fn money(&mut self) -> String {
        let cur = if self.rng.chance(0.6) {
            "\u{20AC}"
        } else {
            "$"
        };
        if self.rng.chance(0.7) {
            format!("{cur}{} million", self.rng.range(3, 950))
        } else {
            let tenths = self.rng.range(11, 98);
            format!("{cur}{}.{} billion", tenths / 10, tenths % 10)
        }
    }

    fn percent(&mut self) -> String {
        let whole = self.rng.range(2, 58);
        let value = if self.rng.chance(0.3) {
            format!("{whole}.{}", self.rng.range(1, 9))
        } else {
            whole.to_string()
        };
        if self.rng.chance(0.7) {
            format!("{value} per cent")
        } else {
            format!("{value}%")
        }
    }

    /// Renders template `t` (from `which`) in `mode`.
    fn fill(&mut self, which: Which, t: usize, mode: Mode) -> String {
        let world = self.world;
        let tpl = match which {
            Which::Sentence => &world.sentences[t],
            Which::Heading => &world.headings[t],
            Which::Title => &world.titles[t],
            Which::Summary => &world.summaries[t],
        };
        let mut out = String::with_capacity(160);
        let mut used: Vec<usize> = Vec::new();
        let mut used_kw: Vec<&str> = Vec::new();
        let mut plural = false;
        for tok in &tpl.toks {
            match tok {
                Tok::Lit(s) => out.push_str(s),
                Tok::Slot(slot) => {
                    let slot = *slot;
                    if let Some(ty) = slot.entity_type() {
                        let id = self.pick_entity(ty, &used, mode == Mode::Prose);
                        used.push(id);
                        self.render_entity(id, slot, mode, &mut out);
                        continue;
                    }
                    match slot {
                        Slot::K | Slot::K2 => {
                            let focused = which != Which::Sentence;
                            let mut kw = self.keyword(focused);
                            for _ in 0..8 {
                                if !used_kw.contains(&kw) {
                                    break;
                                }
                                kw = self.keyword(focused);
                            }
                            used_kw.push(kw);
                            plural = is_plural(kw);
                            out.push_str(kw);
                        }
                        Slot::T => {
                            let topic = *self.rng.pick(&self.topics);
                            out.push_str(TOPICS[topic].prose);
                        }
                        Slot::N => {
                            let n = self.number_small();
                            out.push_str(&n);
                        }
                        Slot::Big => {
                            let m = self.money();
                            out.push_str(&m);
                        }
                        Slot::Pct => {
                            let p = self.percent();
                            out.push_str(&p);
                        }
                        Slot::M => out.push_str(self.rng.word(&MONTHS)),
                        Slot::My => {
                            // A month in the last three years, not after the briefing.
                            let back = self.rng.range(1, 30);
                            let months =
                                self.date.0 * 12 + i64::from(self.date.1) - 1 - back as i64;
                            let m = MONTHS[months.rem_euclid(12) as usize];
                            let _ = write!(out, "{m} {}", months.div_euclid(12));
                        }
                        Slot::Y => {
                            let y = self.year - self.rng.range(1, 3) as i64;
                            let _ = write!(out, "{y}");
                        }
                        Slot::Y1 => {
                            let _ = write!(out, "{}", self.year + 1);
                        }
                        Slot::Is => out.push_str(if plural { "are" } else { "is" }),
                        Slot::Was => out.push_str(if plural { "were" } else { "was" }),
                        Slot::Has => out.push_str(if plural { "have" } else { "has" }),
                        _ => unreachable!("entity slots handled above"),
                    }
                }
            }
        }
        capitalize_first(&mut out);
        out
    }

    fn avail(&self) -> [usize; NTY] {
        let mut a = [0usize; NTY];
        for (slot, list) in a.iter_mut().zip(&self.chosen) {
            *slot = list.len();
        }
        a
    }

    /// Chooses a template index from `templates` that fits the chosen entities.
    fn choose_template(&mut self, which: Which, avoid_recent: bool) -> usize {
        let world = self.world;
        let templates = match which {
            Which::Sentence => &world.sentences,
            Which::Heading => &world.headings,
            Which::Title => &world.titles,
            Which::Summary => &world.summaries,
        };
        let avail = self.avail();
        let mut fresh_mask = 0u8;
        if which == Which::Sentence {
            for (ty, list) in self.chosen.iter().enumerate() {
                if list.iter().any(|id| !self.introduced.contains(id)) {
                    fresh_mask |= 1 << ty;
                }
            }
        }
        let mut fallback = None;
        for attempt in 0..60 {
            let t = self.rng.below(templates.len());
            let tpl = &templates[t];
            if !tpl.fits(&avail) {
                continue;
            }
            fallback.get_or_insert(t);
            if avoid_recent && attempt < 40 && self.recent_templates.contains(&t) {
                continue;
            }
            if fresh_mask != 0 && attempt < 40 && tpl.mask & fresh_mask == 0 && self.rng.chance(0.8)
            {
                continue;
            }
            return t;
        }
        // Every template family has entries needing at most a keyword.
        fallback.unwrap_or_else(|| {
            templates
                .iter()
                .position(|t| t.mask == 0)
                .unwrap_or_default()
        })
    }

    fn sentence(&mut self) -> String {
        let t = self.choose_template(Which::Sentence, true);
        self.recent_templates.push(t);
        if self.recent_templates.len() > 24 {
            self.recent_templates.remove(0);
        }
        let starts_lit = self.world.sentences[t].starts_lit;
        let mut s = self.fill(Which::Sentence, t, Mode::Prose);
        if starts_lit && self.rng.chance(0.12) {
            let conn = self.rng.word(&CONNECTIVES);
            lowercase_first(&mut s);
            s = format!("{conn}, {s}");
        }
        s
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Which {
    Sentence,
    Heading,
    Title,
    Summary,
}

/// A headline in title case (`Moldova Could Destabilize Energy Security`):
/// every word of four letters or more capitalised.
fn headline_case(title: &str) -> String {
    let words: Vec<String> = title
        .split(' ')
        .map(|w| {
            let mut w = w.to_string();
            if w.chars().count() >= 4 {
                capitalize_first(&mut w);
            }
            w
        })
        .collect();
    words.join(" ")
}

fn capitalize_first(s: &mut String) {
    if let Some(c) = s.chars().next() {
        if c.is_lowercase() {
            let up: String = c.to_uppercase().collect();
            s.replace_range(..c.len_utf8(), &up);
        }
    }
}

fn lowercase_first(s: &mut String) {
    let mut chars = s.chars();
    if let (Some(c), Some(next)) = (chars.next(), chars.next()) {
        // Keep acronyms and "I" intact.
        if c.is_uppercase() && next.is_lowercase() {
            let low: String = c.to_lowercase().collect();
            s.replace_range(..c.len_utf8(), &low);
        }
    }
}

/// Whether a keyword phrase is grammatically plural ("ransomware attacks").
fn is_plural(phrase: &str) -> bool {
    let last = phrase.rsplit(' ').next().unwrap_or(phrase);
    last.ends_with('s') && !last.ends_with("ss")
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

fn slugify(s: &str, max: usize) -> String {
    let mut slug = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if c != '\u{2019}' && c != '\'' && !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.len() > max {
        let cut = slug[..max].rfind('-').unwrap_or(max);
        slug.truncate(cut);
    }
    if slug.is_empty() {
        slug.push_str("briefing");
    }
    slug
}

/// Generates all documents.
fn generate(world: &World, n: usize, seed: u64) -> Vec<Doc> {
    let start_day = days_from_civil(FIRST_YEAR, 1, 1);
    let end_day = days_from_civil(LAST_YEAR, 12, 31);
    let span = (end_day - start_day + 1) as usize;
    let mut docs: Vec<Doc> = Vec::with_capacity(n);
    let mut titles_seen: HashSet<String> = HashSet::new();
    let mut stems_seen: HashSet<String> = HashSet::new();

    for i in 0..n {
        let mut rng = Rng::stream(seed, i as u64 + 1);
        let date = civil_from_days(start_day + rng.below(span) as i64);
        let txt = rng.chance(0.05);

        // Topics: 1-3, mildly skewed.
        let n_topics = match rng.below(100) {
            0..=49 => 1,
            50..=84 => 2,
            _ => 3,
        };
        let mut topics: Vec<usize> = Vec::new();
        while topics.len() < n_topics {
            let t = world.topic_order[world.topic_zipf.sample(&mut rng)];
            if !topics.contains(&t) {
                topics.push(t);
            }
        }

        // Authors.
        let n_authors = if rng.chance(0.7) { 1 } else { 2 };
        let mut authors: Vec<usize> = Vec::new();
        while authors.len() < n_authors {
            let a = rng.below(world.analysts.len());
            if !authors.contains(&a) {
                authors.push(a);
            }
        }

        // Entities: 8-20 distinct, Zipf over the popularity ranking. Events
        // named after a later year are skipped.
        let target = rng.range(8, 20);
        let mut picked: Vec<usize> = Vec::new();
        let mut chosen: [Vec<usize>; NTY] = Default::default();
        let mut guard = 0;
        while picked.len() < target && guard < 10_000 {
            guard += 1;
            let id = world.ranking[world.zipf.sample(&mut rng)];
            if picked.contains(&id) {
                continue;
            }
            if let Entity::Event { year, .. } = world.entities[id] {
                if year > date.0 {
                    continue;
                }
            }
            picked.push(id);
            chosen[world.entities[id].ty() as usize].push(id);
        }

        let mut g = DocGen {
            world,
            rng,
            year: date.0,
            date,
            topics,
            chosen,
            introduced: Vec::new(),
            listed: Vec::new(),
            recent_templates: Vec::new(),
            truth: Vec::new(),
            recording: true,
        };

        // Title (about 1% deliberately duplicate an earlier one).
        let title = if i > 0 && g.rng.chance(0.01) {
            docs[g.rng.below(i)].title.clone()
        } else {
            let mut title = String::new();
            for attempt in 0..40 {
                let t = g.choose_template(Which::Title, false);
                title = g.fill(Which::Title, t, Mode::Title);
                if world.hard && g.rng.chance(0.4) {
                    title = headline_case(&title);
                }
                if attempt >= 30 {
                    let _ = write!(title, " ({})", date.0);
                }
                if !titles_seen.contains(&title) {
                    break;
                }
            }
            title
        };
        titles_seen.insert(title.clone());

        let t = g.choose_template(Which::Summary, false);
        g.recording = false;
        let summary = g.fill(Which::Summary, t, Mode::Summary);
        g.recording = true;

        // Body: 3-5 sections of 2-3 paragraphs, about `words` words in total.
        let words = g.rng.range(400, 752);
        let n_sections = g.rng.range(3, 5);
        let paras: Vec<usize> = (0..n_sections).map(|_| g.rng.range(2, 3)).collect();
        let total_paras: usize = paras.iter().sum();
        let mut sections = Vec::with_capacity(n_sections);
        let mut headings_used: Vec<usize> = Vec::new();
        let mut written = 0usize;
        let mut paras_left = total_paras;
        for &np in &paras {
            let mut h = g.choose_template(Which::Heading, false);
            for _ in 0..20 {
                if !headings_used.contains(&h) {
                    break;
                }
                h = g.choose_template(Which::Heading, false);
            }
            headings_used.push(h);
            let heading = g.fill(Which::Heading, h, Mode::Prose);
            written += word_count(&heading);
            let mut paragraphs = Vec::with_capacity(np);
            for _ in 0..np {
                let budget = (words.saturating_sub(written) / paras_left).max(12);
                let mut para = String::new();
                let mut pw = 0;
                loop {
                    let s = g.sentence();
                    let sw = word_count(&s);
                    if !para.is_empty() {
                        para.push(' ');
                    }
                    para.push_str(&s);
                    pw += sw;
                    if pw + 9 >= budget {
                        break;
                    }
                }
                written += pw;
                paras_left -= 1;
                paragraphs.push(para);
            }
            sections.push(Section {
                heading,
                paragraphs,
            });
        }

        // File stem: date + slug, unique across the corpus.
        let base = format!("{date}-{}", slugify(&title, 60));
        let mut stem = base.clone();
        let mut k = 2;
        while !stems_seen.insert(stem.clone()) {
            stem = format!("{base}-{k}");
            k += 1;
        }

        docs.push(Doc {
            title,
            date,
            authors,
            topics: g.topics.clone(),
            summary,
            sections,
            entities: g.listed.clone(),
            truth: std::mem::take(&mut g.truth),
            txt,
            stem,
        });
    }
    docs
}

// ---------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------

/// One line of `truth.jsonl`: the briefing's file (under `seeds/`) and its
/// true entities, with type and forms as written.
fn truth_line(world: &World, doc: &Doc, file: &str, out: &mut String) {
    let _ = write!(out, "{{\"file\":{},\"entities\":[", yaml_str(file));
    for (n, (id, forms)) in doc.truth.iter().enumerate() {
        let entity = &world.entities[*id];
        let kind = match entity.ty() {
            Ty::Person => "person",
            Ty::Org | Ty::Real => "organization",
            Ty::Place => "place",
            Ty::Event => "event",
            Ty::Country => "country",
            Ty::Other => "other",
        };
        let _ = write!(
            out,
            "{}{{\"name\":{},\"type\":\"{kind}\",\"forms\":{}}}",
            if n == 0 { "" } else { "," },
            yaml_str(&entity.canonical()),
            yaml_list(forms.iter().cloned())
        );
    }
    out.push_str("]}\n");
}

fn yaml_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

fn yaml_list<I: IntoIterator<Item = String>>(items: I) -> String {
    let inner: Vec<String> = items.into_iter().map(|s| yaml_str(&s)).collect();
    format!("[{}]", inner.join(", "))
}

fn author_names(world: &World, doc: &Doc) -> Vec<String> {
    doc.authors
        .iter()
        .map(|&a| world.analysts[a].clone())
        .collect()
}

fn topic_names(doc: &Doc) -> Vec<String> {
    doc.topics
        .iter()
        .map(|&t| TOPICS[t].name.to_string())
        .collect()
}

/// The sections as Markdown; with `width`, paragraphs are wrapped at it
/// (names then break over lines and start lines).
fn markdown_body(doc: &Doc, width: Option<usize>, out: &mut String) {
    for s in &doc.sections {
        let _ = write!(out, "\n## {}\n", s.heading);
        for p in &s.paragraphs {
            match width {
                Some(width) => {
                    out.push('\n');
                    wrap(p, width, out);
                }
                None => {
                    let _ = write!(out, "\n{p}\n");
                }
            }
        }
    }
}

fn render_md(world: &World, doc: &Doc) -> String {
    let mut out = String::with_capacity(4096);
    let _ = write!(
        out,
        "---\ntitle: {}\ndate: {}\nauthors: {}\ntopics: {}\nsummary: {}\n---\n",
        yaml_str(&doc.title),
        doc.date,
        yaml_list(author_names(world, doc)),
        yaml_list(topic_names(doc)),
        yaml_str(&doc.summary),
    );
    markdown_body(doc, world.hard.then_some(72), &mut out);
    out
}

/// Whether item `index` is among the `share` spread evenly over the list.
fn takes_turn(index: usize, share: f64) -> bool {
    let before = (index as f64 * share).floor();
    ((index + 1) as f64 * share).floor() > before
}

/// The briefing as a PDF: series band, title, byline and printed date on
/// page 1, one to three columns, running header, web address and page numbers.
fn render_pdf(world: &World, doc: &Doc, index: usize) -> Vec<u8> {
    use pdf::typeset::{typeset, Block, Briefing, Layout};
    let Date(year, month, day) = doc.date;
    let mut blocks = Vec::new();
    for section in &doc.sections {
        blocks.push(Block::Heading(section.heading.clone()));
        blocks.extend(
            section
                .paragraphs
                .iter()
                .map(|p| Block::Para(p.clone(), None)),
        );
    }
    let briefing = Briefing {
        title: doc.title.clone(),
        authors: author_names(world, doc),
        printed_date: format!("{day} {} {year}", MONTHS[month as usize - 1]),
        date: doc.date.to_string(),
        series: "BRIEFING".into(),
        blocks,
    };
    let layout = Layout {
        columns: 1 + index % 3,
        running_header: Some("SYNTHETIC POLICY INSTITUTE BRIEFING".into()),
        footer_url: Some("www.synthetic-policy.example.org".into()),
        ..Layout::default()
    };
    typeset(&briefing, &layout).0
}

fn render_hugo(world: &World, doc: &Doc) -> String {
    let mut out = String::with_capacity(4096);
    let _ = write!(
        out,
        "---\ntitle: {}\ndate: {}\nauthors: {}\ntopics: {}\nentities: {}\nsummary: {}\n---\n",
        yaml_str(&doc.title),
        doc.date,
        yaml_list(author_names(world, doc)),
        yaml_list(topic_names(doc)),
        yaml_list(doc.entities.iter().map(|&e| world.entities[e].canonical())),
        yaml_str(&doc.summary),
    );
    markdown_body(doc, None, &mut out);
    out
}

/// Greedy word wrap without trailing spaces.
fn wrap(text: &str, width: usize, out: &mut String) {
    let mut line_len = 0;
    for w in text.split_whitespace() {
        let wl = w.chars().count();
        if line_len > 0 && line_len + 1 + wl > width {
            out.push('\n');
            line_len = 0;
        }
        if line_len > 0 {
            out.push(' ');
            line_len += 1;
        }
        out.push_str(w);
        line_len += wl;
    }
    out.push('\n');
}

/// Finds a split point in the middle of a paragraph where the first half
/// does not end a sentence and the second half starts with a lowercase word.
fn split_point(words: &[&str]) -> Option<usize> {
    let n = words.len();
    if n < 16 {
        return None;
    }
    let mid = n / 2;
    (0..n / 3).flat_map(|d| [mid + d, mid - d]).find(|&k| {
        k > 3
            && k < n - 3
            && words[k].starts_with(|c: char| c.is_ascii_lowercase())
            && words[k - 1].starts_with(|c: char| c.is_ascii_lowercase())
            && words[k - 1].ends_with(|c: char| c.is_ascii_alphanumeric())
            && !words[k - 2].ends_with('.')
    })
}

const RUNNING_LABEL: &str = "SYNTHETIC SPOTLIGHT";

fn render_txt(world: &World, doc: &Doc) -> String {
    let mut out = String::with_capacity(4096);
    let _ = writeln!(out, "{}\n", doc.title);
    let _ = writeln!(out, "{}\n", author_names(world, doc).join(" and "));

    // Split the paragraph closest to the middle of the document that allows it.
    let flat: Vec<(usize, usize)> = doc
        .sections
        .iter()
        .enumerate()
        .flat_map(|(si, s)| (0..s.paragraphs.len()).map(move |pi| (si, pi)))
        .collect();
    let mid = flat.len() / 2;
    let split = (0..flat.len())
        .flat_map(|d| [mid + d, mid.wrapping_sub(d)])
        .filter(|&i| i < flat.len())
        .find_map(|i| {
            let (si, pi) = flat[i];
            let words: Vec<&str> = doc.sections[si].paragraphs[pi].split_whitespace().collect();
            split_point(&words).map(|k| (si, pi, k))
        });

    let mut first_block = true;
    for (si, s) in doc.sections.iter().enumerate() {
        if !first_block {
            out.push('\n');
        }
        first_block = false;
        let _ = writeln!(out, "{}", s.heading);
        for (pi, p) in s.paragraphs.iter().enumerate() {
            out.push('\n');
            match split {
                Some((ssi, spi, k)) if ssi == si && spi == pi => {
                    let words: Vec<&str> = p.split_whitespace().collect();
                    wrap(&words[..k].join(" "), 78, &mut out);
                    let _ = writeln!(out, "\n{RUNNING_LABEL}\n");
                    wrap(&words[k..].join(" "), 78, &mut out);
                }
                _ => wrap(p, 78, &mut out),
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Hugo site skeleton
// ---------------------------------------------------------------------------

const HUGO_BASEOF: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{ if not .IsHome }}{{ .Title }} | {{ end }}{{ .Site.Title }}</title>
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
<main>
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
"#;

const HUGO_SINGLE: &str = r#"{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>
{{- with .GetTerms "authors" }} by {{ range $i, $t := . }}{{ if $i }}, {{ end }}<a href="{{ $t.RelPermalink }}">{{ $t.LinkTitle }}</a>{{ end }}{{ end }}</p>
{{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}
{{ .Content }}
{{ with .GetTerms "topics" }}<h2>Topics</h2>
<ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
{{ with .GetTerms "entities" }}<h2>Entities</h2>
<ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
</article>
{{ end }}
"#;

const HUGO_LIST: &str = r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{ range .Pages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>
{{ end }}</ul>
{{ end }}
"#;

const HUGO_TERMS: &str = r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> ({{ .Count }})</li>
{{ end }}</ul>
{{ end }}
"#;

const HUGO_TAXONOMY: &str = r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
<p>{{ len .Pages }} briefings</p>
<ul>
{{ range .Pages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>
{{ end }}</ul>
{{ end }}
"#;

const HUGO_INDEX: &str = r#"{{ define "main" }}
<h1>{{ .Site.Title }}</h1>
<nav><a href="{{ "briefings/" | relURL }}">Briefings</a> | <a href="{{ "topics/" | relURL }}">Topics</a> | <a href="{{ "entities/" | relURL }}">Entities</a> | <a href="{{ "authors/" | relURL }}">Authors</a></nav>
{{ $pages := where .Site.RegularPages "Section" "briefings" }}
<h2>Latest briefings</h2>
<ul>
{{ range first 50 $pages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>
{{ end }}</ul>
{{ end }}
"#;

fn write_hugo_skeleton(dir: &Path, n: usize) -> Result<(), RunError> {
    let layouts = dir.join("layouts");
    let default = layouts.join("_default");
    create_dir_all(&default)?;
    write_file(
        &dir.join("hugo.toml"),
        &format!(
            "baseURL = \"http://localhost/\"\n\
             languageCode = \"en\"\n\
             title = \"Synthetic corpus ({n} briefings)\"\n\
             disableKinds = [\"RSS\"]\n\
             \n\
             [taxonomies]\n\
             entity = \"entities\"\n\
             topic = \"topics\"\n\
             author = \"authors\"\n"
        ),
    )?;
    write_file(&default.join("baseof.html"), HUGO_BASEOF)?;
    write_file(&default.join("single.html"), HUGO_SINGLE)?;
    write_file(&default.join("list.html"), HUGO_LIST)?;
    write_file(&default.join("terms.html"), HUGO_TERMS)?;
    write_file(&default.join("taxonomy.html"), HUGO_TAXONOMY)?;
    write_file(&layouts.join("index.html"), HUGO_INDEX)?;
    Ok(())
}

// ---------------------------------------------------------------------------
// Tests (run with `rustc --test`)
// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        let start = days_from_civil(FIRST_YEAR, 1, 1);
        let end = days_from_civil(LAST_YEAR, 12, 31);
        assert_eq!(end - start + 1, 3653);
        for d in start..=end {
            let Date(y, m, dd) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, dd), d);
        }
        assert_eq!(
            civil_from_days(days_from_civil(2020, 2, 29)),
            Date(2020, 2, 29)
        );
    }

    #[test]
    fn templates_parse() {
        let w = World::new(42);
        assert!(w.sentences.iter().any(|t| t.mask == 0));
        assert!(w.headings.iter().any(|t| t.mask == 0));
        assert_eq!(w.entities.len(), 3000 + COUNTRIES.len() + REAL_ORGS.len());
    }

    #[test]
    fn deterministic() {
        let w = World::new(7);
        let a = generate(&w, 30, 7);
        let b = generate(&World::new(7), 30, 7);
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(render_md(&w, x), render_md(&w, y));
        }
    }

    #[test]
    fn split_point_rules() {
        let words: Vec<&str> = "Alpha beta gamma delta. Epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma."
            .split_whitespace()
            .collect();
        let k = split_point(&words).expect("split");
        assert!(words[k].starts_with(|c: char| c.is_ascii_lowercase()));
        assert!(!words[k - 1].ends_with('.'));
    }
}
