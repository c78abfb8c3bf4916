//! Briefings in our own invented words (seeded, so every run makes the same
//! ones), with layouts that vary columns, furniture, metadata and boxes.

use super::typeset::{Block, Briefing, Layout};

/// A small deterministic generator (64-bit LCG).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407))
    }

    pub fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const SUBJECTS: &[&str] = &[
    "The government in Varnholm",
    "Regional authorities",
    "The ruling coalition",
    "Opposition parties",
    "Energy regulators",
    "The border agency",
    "Estrian diplomats",
    "The defence ministry",
    "Independent observers",
    "Kelvorian officials",
    "The central bank",
    "Trade unions",
    "Local councils in Ostmark",
];
const VERBS: &[&str] = &[
    "announced",
    "postponed",
    "questioned",
    "supported",
    "renegotiated",
    "criticised",
    "prepared",
    "accelerated",
    "reconsidered",
    "welcomed",
    "examined",
    "delayed",
];
const OBJECTS: &[&str] = &[
    "the intergovernmental agreement on transit fees",
    "a counterproductive tariff on fertiliser exports",
    "the internationalisation of the grain corridor",
    "long-term contracts for pipeline capacity",
    "the Kelvor-Estrian customs arrangement",
    "preparations for the Northwind-2024 exercise",
    "cross-border cooperation between river ports",
    "the responsibilities of the new oversight committee",
    "a reorganisation of the telecommunications regulator",
    "the modernisation of the railway interconnector",
    "emergency reserves of liquefied natural gas",
    "parliamentary scrutiny of procurement decisions",
];
const TAILS: &[&str] = &[
    "after months of negotiation",
    "despite objections from neighbouring states",
    "in response to rising prices",
    "ahead of the regional summit in Marrow",
    "without consulting the parliament",
    "as part of a broader reform package",
    "under pressure from exporters",
    "following the election in March",
];
const QUESTIONS: &[&str] = &[
    "What happened in Varnholm?",
    "Why does the agreement matter?",
    "What comes next?",
    "Who gains from the arrangement?",
    "How did neighbours respond?",
    "Assessment",
    "Background",
    "Outlook for the region",
    "Implications for energy security",
];
const FIRST: &[&str] = &[
    "Anna", "Tomas", "Mira", "Jakub", "Elena", "Piotr", "Sofia", "Lukas", "Ines", "Marek",
];
const LAST: &[&str] = &[
    "Kovar",
    "Lindqvist",
    "Haber",
    "Sorensen",
    "Vidal",
    "Nowicki",
    "Brandt",
    "Okafor",
    "Rossi",
    "Dahl",
];
const SERIES: &[&str] = &["SPOTLIGHT", "POLICY BRIEF", "BULLETIN", "COMMENTARY"];
const MONTH_NAMES: [&str; 12] = [
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

fn sentence(rng: &mut Rng) -> String {
    format!(
        "{} {} {} {}.",
        rng.pick(SUBJECTS),
        rng.pick(VERBS),
        rng.pick(OBJECTS),
        rng.pick(TAILS)
    )
}

fn paragraph(rng: &mut Rng, sentences: usize) -> String {
    (0..sentences)
        .map(|_| sentence(rng))
        .collect::<Vec<_>>()
        .join(" ")
}

fn blocks(rng: &mut Rng) -> Vec<Block> {
    let count = 8 + rng.below(10);
    let box_at = 2 + rng.below(count - 2);
    let mut blocks = Vec::new();
    for i in 0..count {
        if i > 0 && i % 3 == 0 {
            blocks.push(Block::Heading(rng.pick(QUESTIONS).to_string()));
        }
        if i == box_at {
            blocks.push(Block::KeyPoints((0..3).map(|_| sentence(rng)).collect()));
        }
        if rng.below(8) == 0 {
            blocks.push(Block::List((0..3).map(|_| sentence(rng)).collect()));
            continue;
        }
        let footnote = (rng.below(5) == 0).then(|| {
            format!(
                "See the annual report of the {} for details.",
                rng.pick(&["ministry", "regulator", "agency"])
            )
        });
        let length = 3 + rng.below(5);
        blocks.push(Block::Para(paragraph(rng, length), footnote));
    }
    blocks
}

/// Briefing number `seed` and the layout it is set in.
pub fn briefing(seed: u64) -> (Briefing, Layout) {
    let mut rng = Rng::new(seed);
    let (day, month, year) = (1 + rng.below(28), rng.below(12), 2015 + rng.below(10));
    let number = 1 + rng.below(120);
    let series_name = rng.pick(SERIES);
    let series = if series_name == "SPOTLIGHT" {
        series_name.to_string()
    } else {
        format!("{series_name} No. {number}")
    };
    let title = format!(
        "{} {}: {}",
        rng.pick(&["Varnholm", "Estria", "Kelvoria", "Ostmark"]),
        rng.pick(&["Tests", "Rethinks", "Delays", "Accelerates"]),
        rng.pick(&[
            "The Transit Bargain",
            "A New Energy Corridor",
            "Reform Under Pressure",
            "The Limits of Integration"
        ])
    );
    let authors: Vec<String> = (0..1 + rng.below(3))
        .map(|_| format!("{} {}", rng.pick(FIRST), rng.pick(LAST)))
        .collect();
    let layout = Layout {
        columns: 1 + rng.below(3),
        running_header: Some(format!("NORTHERN POLICY INSTITUTE {series_name}")),
        footer_url: Some("www.northern-policy.example.org".into()),
        page_numbers: true,
        hyphenate: true,
        info_title: match rng.below(3) {
            0 => Some(title.clone()),
            1 => Some(format!("Microsoft Word - brief_{number}.docx")),
            _ => None,
        },
        info_author: None,
        body_size: [9.5, 10.0, 10.5][rng.below(3)],
    };
    let briefing = Briefing {
        title,
        authors,
        printed_date: format!("{day} {} {year}", MONTH_NAMES[month]),
        date: format!("{year:04}-{:02}-{day:02}", month + 1),
        series,
        blocks: blocks(&mut rng),
    };
    (briefing, layout)
}
