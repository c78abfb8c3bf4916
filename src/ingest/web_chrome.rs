//! Web chrome in text copied from a web page: cookie banners, share bars,
//! newsletter sign-ups, copyright and legal lines, viewer page counters,
//! and the lists of other articles a site puts after the text. They are
//! told by their shape and a few words, never by one site's wording, and
//! kept out of the title and the body, at the head and after the text.

use std::collections::BTreeSet;

use super::head::{ends_sentence, is_chrome, word_count};

/// Names of the networks a share bar links to.
const SOCIAL: &[&str] = &[
    "facebook", "twitter", "linkedin", "whatsapp", "telegram", "email", "e-mail", "reddit",
    "mastodon", "bluesky", "x", "vk", "xing", "mail",
];

/// The words around the network names in a share bar.
const SHARE_WORDS: &[&str] = &[
    "share", "on", "this", "article", "page", "post", "follow", "us", "via", "print", "copy",
    "link", "tweet", "or",
];

/// Lines that head a list of other articles after the text.
const MORE_HEADERS: &[&str] = &[
    "related",
    "related articles",
    "related content",
    "related publications",
    "related analyses",
    "you may also like",
    "you might also like",
    "you may also be interested in",
    "read also",
    "see also",
    "also read",
    "more from",
    "more on this topic",
    "more on this",
    "more by this author",
    "recommended",
    "recommended for you",
    "most read",
    "latest",
    "latest publications",
    "das könnte sie auch interessieren",
    "lesen sie auch",
    "à lire aussi",
    "zobacz także",
    "czytaj także",
];

/// A line of web chrome that the page-chrome list cannot hold word for
/// word: a cookie banner, a share bar, a newsletter sign-up, a copyright or
/// legal line, a tag list, a viewer's page counter.
pub(super) fn is_web_chrome(line: &str) -> bool {
    let lower = line.to_lowercase();
    let words = word_count(line);
    let opens = |prefixes: &[&str]| prefixes.iter().any(|p| lower.starts_with(p));
    let share_bar = is_share_bar(&lower);
    let cookies = [
        "cookies",
        "cookie settings",
        "cookie policy",
        "cookie preferences",
    ];
    (cookies.iter().any(|c| lower.contains(c)) && words <= 40)
        || ((opens(&["©", "(c) ", "copyright"]) || lower.contains("all rights reserved"))
            && words <= 16)
        || share_bar
        || ((lower.contains("newsletter") || lower.contains("in your inbox")) && words <= 20)
        || (opens(&["sign up", "subscribe", "follow us"]) && words <= 12)
        || ((lower.contains("privacy policy") || lower.contains("terms of use")) && words <= 12)
        || (opens(&["tags:", "keywords:", "topics:", "share:", "share on"]) && words <= 20)
        || is_page_counter(&lower)
        || is_more_header(line)
        || is_print_stamp(line)
}

/// The stamp a browser prints over a saved page: a numeric date and a clock
/// time, then the page's title (`05/03/2024, 10:14   Title • Site`).
pub(super) fn is_print_stamp(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let numeric_date = |w: &str| {
        let w = w.trim_end_matches(',');
        w.len() >= 6
            && w.chars().all(|c| c.is_ascii_digit() || "/.-".contains(c))
            && w.chars().filter(|c| "/.-".contains(*c)).count() == 2
    };
    let clock = |w: &str| {
        let (hours, minutes) = w.split_once(':').unwrap_or(("", ""));
        (1..=2).contains(&hours.len())
            && minutes.len() == 2
            && hours
                .chars()
                .chain(minutes.chars())
                .all(|c| c.is_ascii_digit())
    };
    words.next().is_some_and(numeric_date) && words.next().is_some_and(clock)
}

/// `Share: Facebook | X | Email`: two networks or more, and besides them
/// only the words a share bar is made of.
fn is_share_bar(lower: &str) -> bool {
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let networks: BTreeSet<&str> = words
        .iter()
        .copied()
        .filter(|w| SOCIAL.contains(w))
        .collect();
    networks.len() >= 2
        && words
            .iter()
            .all(|w| SOCIAL.contains(w) || SHARE_WORDS.contains(w))
}

/// `Page 1 of 4`, `1 / 4`: a viewer's page counter.
fn is_page_counter(lower: &str) -> bool {
    let rest = lower.trim_start_matches("page").trim();
    let parts: Vec<&str> = rest
        .split(|c: char| c == '/' || c.is_whitespace())
        .filter(|p| !p.is_empty() && *p != "of")
        .collect();
    parts.len() == 2 && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
}

/// A line that heads a list of other articles (`Related articles`).
fn is_more_header(line: &str) -> bool {
    let lower = line.trim_end_matches([':', '.', ' ', '…']).to_lowercase();
    MORE_HEADERS.contains(&lower.as_str())
}

/// The lines after a text's last paragraph that are web chrome: chrome
/// lines, and from a list header (`Related articles`) on, everything.
pub(super) fn tail_chrome(lines: &[&str]) -> BTreeSet<usize> {
    let mut taken = BTreeSet::new();
    let last_text = lines
        .iter()
        .rposition(|l| word_count(l) >= 8 && ends_sentence(l) && !is_chrome(l));
    let Some(last_text) = last_text else {
        return taken;
    };
    let from = last_text + 1;
    for (i, line) in lines.iter().enumerate().skip(from) {
        if is_more_header(line) {
            taken.extend(i..lines.len());
            break;
        }
        if !line.is_empty() && is_chrome(line) {
            taken.insert(i);
        }
    }
    taken
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_chrome_is_told_by_shape() {
        for line in [
            "We use cookies to understand how this site is used. Accept them?",
            "Share: Facebook | Twitter | LinkedIn",
            "Facebook Twitter Email",
            "Share this article on X or LinkedIn",
            "© 2021 Some Institute",
            "Copyright 2020 Someone",
            "Sign up for our newsletter",
            "Get the weekly digest in your inbox",
            "Privacy policy | Terms of use",
            "Tags: Belarus, Energy",
            "Page 2 of 7",
            "Related articles",
            "You may also like:",
        ] {
            assert!(is_web_chrome(line), "{line}");
        }
        for line in [
            "The Cookie Wars",
            "Poland and the Baltic States",
            "Page Two of the Treaty",
            "The model counts x and x twice in the same sentence.",
            "a Vk a x a",
            "Email Mail to the embassy in Minsk was opened, said the ministry on Monday.",
            "The copyright of the treaty text is disputed in Minsk and in Vilnius, and the court has not decided.",
        ] {
            assert!(!is_web_chrome(line), "{line}");
        }
    }

    #[test]
    fn a_list_of_other_articles_after_the_text_is_chrome() {
        let lines = [
            "The talks ended on Monday without any agreement at all.",
            "",
            "Related articles",
            "Another Title Here",
            "",
            "Print",
        ];
        let taken = tail_chrome(&lines);
        assert_eq!(taken, (2..6).collect());
    }
}
