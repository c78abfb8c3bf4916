//! A saved page's address, and its byline and publication date made into
//! author names and a calendar day.

use dom_query::Document;

use crate::model::date::{parse_date, MONTHS};

/// The page's own absolute address: its canonical link, its `og:url`, or
/// the `saved from url=` note a browser writes into a saved page.
pub fn page_address(document: &Document, html: &str) -> Option<String> {
    let absolute = |url: &str| {
        let url = url.trim();
        (url.starts_with("https://") || url.starts_with("http://")).then(|| url.to_string())
    };
    let attribute = |css: &str, name: &str| {
        document
            .select(css)
            .nodes()
            .iter()
            .find_map(|node| node.attr(name).and_then(|v| absolute(&v)))
    };
    attribute("link[rel~=canonical][href]", "href")
        .or_else(|| attribute("meta[property=\"og:url\"][content]", "content"))
        .or_else(|| {
            let note = html.get(..html.len().min(4096))?;
            let (_, rest) = note.split_once("saved from url=(")?;
            let (_, rest) = rest.split_once(')')?;
            absolute(rest.split(|c: char| c.is_whitespace() || c == '-').next()?)
        })
}

/// Words a byline puts before names.
const BYLINE_WORDS: [&str; 9] = [
    "by",
    "written by",
    "words by",
    "posted by",
    "author:",
    "authors:",
    "by:",
    "par",
    "por",
];

/// The people a byline names: "By A, B and C" gives A, B and C. The byline
/// ends at its first line break, digit or parenthesis (a date, a handle
/// follow), and a part that does not read as a name (a job title) ends the
/// list, so "Jane Roe, Senior Fellow, Policy Unit" gives Jane Roe alone.
pub fn authors(byline: &str) -> Vec<String> {
    let first_line = byline.trim().lines().next().unwrap_or("");
    let names_part = first_line
        .split(|c: char| c.is_ascii_digit() || c == '(')
        .next()
        .unwrap_or("");
    let mut words: Vec<&str> = names_part.split_whitespace().collect();
    // "… Published on March" before a cut-off date.
    while words.last().is_some_and(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        month_number(w).is_some() || is_role_word(w) || ["on", "at"].contains(&w)
    }) {
        words.pop();
    }
    let mut text = words.join(" ");
    for word in BYLINE_WORDS {
        let starts = text.get(..word.len()).is_some_and(|start| {
            start.eq_ignore_ascii_case(word) && text[word.len()..].starts_with(' ')
        });
        if starts {
            text = text[word.len()..].trim_start().to_string();
        }
    }
    let mut names = Vec::new();
    for part in text
        .split([',', ';', '|', '&', '/'])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        if !is_name(part) {
            break;
        }
        names.push(part.to_string());
    }
    names
}

/// One to six words, the first not lower-case, no digits, no `@`.
fn is_name(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    (1..=6).contains(&words.len())
        && words[0].starts_with(|c: char| c.is_alphabetic() && !c.is_lowercase())
        && !part.contains(|c: char| c.is_ascii_digit() || c == '@')
        && !words.iter().any(|w| is_role_word(w))
}

/// Whether `word` belongs to a job title, a newsroom credit or a date line,
/// never to a person's name.
fn is_role_word(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    ROLE_WORDS
        .iter()
        .any(|role| word.eq_ignore_ascii_case(role))
}

const ROLE_WORDS: [&str; 18] = [
    "editor",
    "fellow",
    "director",
    "correspondent",
    "reporter",
    "staff",
    "senior",
    "contributor",
    "analyst",
    "researcher",
    "professor",
    "writer",
    "columnist",
    "published",
    "updated",
    "posted",
    "last",
    "modified",
];

/// The day of the page's publication `<time>` element, for pages whose
/// metadata gives no date: one marked `datePublished`, else the first
/// inside the article, the main content or a date or byline block.
pub fn time_element_day(document: &Document) -> Option<String> {
    const PLACES: &[&str] = &[
        "time[itemprop='datePublished']",
        "article time[datetime]",
        "main time[datetime]",
        "[class*='date'] time[datetime]",
        "[class*='byline'] time[datetime]",
        "[class*='meta'] time[datetime]",
    ];
    PLACES.iter().find_map(|selector| {
        let time = document.select(selector).nodes().first().cloned()?;
        let stamp = time
            .attr("datetime")
            .map(|a| a.to_string())
            .unwrap_or_else(|| time.text().to_string());
        day(stamp.trim())
    })
}

/// Where pages keep readers' comments: exact classes, as `comments-open`
/// marks a whole WordPress page and `commentary` is a genre.
const COMMENT_SECTIONS: &str = "#comments, .comments, .comment, .comment-list, .commentlist, \
     .comment-body, .comment-content, .comment-author, [id^='comment-']";

/// The text of a page's readers' comments, to tell a commenter's name
/// from the article's byline.
pub struct Commenters {
    comments: String,
}

impl Commenters {
    pub fn of(document: &Document) -> Commenters {
        let sections = document.select(COMMENT_SECTIONS);
        let texts: Vec<String> = sections
            .nodes()
            .iter()
            .map(|n| n.text().to_string())
            .collect();
        Commenters {
            comments: texts.join("\n"),
        }
    }

    /// Whether `name` stands in the comments of the page `html` and
    /// nowhere else on it. The page is read again only for such a name.
    pub fn only_commenter(&self, name: &str, html: &str) -> bool {
        let name = name.trim();
        if name.is_empty() || !self.comments.contains(name) {
            return false;
        }
        let page = Document::from(html);
        page.select(COMMENT_SECTIONS).remove();
        !page.select("body").text().contains(name)
    }
}

/// The text of a byline block the page's markup does not mark as one
/// (`<div class="entry-meta">By Ana Roe | Nov 28, 2025</div>`): the first
/// short meta, byline, author or post block whose text opens with `By`.
pub fn byline_block(document: &Document) -> Option<String> {
    const PLACES: &str = "[class*='meta'], [class*='byline'], [class*='author'], [class*='posted']";
    document.select(PLACES).nodes().iter().find_map(|node| {
        let text = node.text().split_whitespace().collect::<Vec<_>>().join(" ");
        let opens = text
            .get(..3)
            .is_some_and(|by| by.eq_ignore_ascii_case("by "));
        (opens && text.len() <= 200).then_some(text)
    })
}

/// A publication date as `YYYY-MM-DD`: ISO 8601 (`2021-02-24T10:00`),
/// `24 February 2021` or `February 24, 2021`.
pub fn day(text: &str) -> Option<String> {
    let text = text.trim();
    if let Ok(date) = parse_date(text.get(..10).unwrap_or(text)) {
        return Some(date.to_string());
    }
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(3).find_map(|w| {
        let (day, month, year) = match (month_number(w[0]), month_number(w[1])) {
            (Some(month), _) => (w[1], month, w[2]),
            (None, Some(month)) => (w[0], month, w[2]),
            _ => return None,
        };
        let day: u8 = day
            .trim_end_matches(['s', 't', 'n', 'd', 'r', 'h', '.'])
            .parse()
            .ok()?;
        let year: u16 = year.parse().ok()?;
        let iso = format!("{year:04}-{month:02}-{day:02}");
        parse_date(&iso).ok().map(|d| d.to_string())
    })
}

/// 1–12 for a month name or its first three letters.
fn month_number(word: &str) -> Option<u8> {
    let word = word.trim_end_matches('.');
    (word.len() >= 3)
        .then(|| {
            MONTHS
                .iter()
                .position(|m| m.len() >= word.len() && m[..word.len()].eq_ignore_ascii_case(word))
        })
        .flatten()
        .map(|i| i as u8 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_only_the_comments_hold_is_a_commenters() {
        let html = "<html><body><article><p>By Ana Roe</p><p>Text.</p></article>\
             <ol class=\"comment-list\"><li class=\"comment\"><div class=\"comment-author\">J. P.</div>\
             <p>Ana Roe replied.</p></li></ol></body></html>";
        let commenters = Commenters::of(&Document::from(html));
        assert!(commenters.only_commenter("J. P.", html));
        assert!(!commenters.only_commenter("Ana Roe", html));
        assert!(!commenters.only_commenter("Tom Poe", html));
    }

    #[test]
    fn finds_a_byline_block_the_markup_does_not_mark() {
        let page = Document::from(
            "<html><body><div class=\"post\"><h1>Title</h1><div class=\"entry-meta\">\
             By Ana Roe and Tomás Poe | Nov 28, 2025 | Analysis</div><p>Text.</p></div></body></html>",
        );
        let block = byline_block(&page).expect("the meta block");
        assert_eq!(authors(&block), ["Ana Roe", "Tomás Poe"]);
        let none = Document::from("<html><body><div class=\"meta\">Share this</div></body></html>");
        assert_eq!(byline_block(&none), None);
    }

    #[test]
    fn splits_bylines_into_names() {
        assert_eq!(
            authors("By Marta Kowalczyk and Jonas Petraitis"),
            ["Marta Kowalczyk", "Jonas Petraitis"]
        );
        assert_eq!(
            authors("Anna Roe, Senior Fellow, Policy Unit"),
            ["Anna Roe"]
        );
        assert_eq!(
            authors("Ann Lee, Bo Chan & Cy Dee"),
            ["Ann Lee", "Bo Chan", "Cy Dee"]
        );
        assert!(authors("Updated 12 May").is_empty());
        assert_eq!(authors("Aleš Vávra"), ["Aleš Vávra"]);
        assert_eq!(
            authors("Authors: Ines Roe and Tom Ek"),
            ["Ines Roe", "Tom Ek"]
        );
        assert_eq!(authors("Byron Tau"), ["Byron Tau"]);
        assert_eq!(authors("By Lucas Nolan22 Dec 2016"), ["Lucas Nolan"]);
        assert_eq!(authors("By Ann Lee\n   March 25, 2015"), ["Ann Lee"]);
        assert_eq!(authors("Par Jean Roe (avec Ana Li)"), ["Jean Roe"]);
        assert_eq!(authors("肖春芳"), ["肖春芳"]);
        assert!(authors("Last Updated: January 7, 2025").is_empty());
        assert!(authors("April 28, 2019 at 6:01 am").is_empty());
    }

    #[test]
    fn a_time_element_in_the_article_dates_a_page_without_metadata() {
        let html = r#"<html><body><aside><time datetime="2020-01-01">old</time></aside>
            <article><h1>T</h1><div class="entry__date"><time datetime="2024-03-12T10:00:00Z">12 March 2024</time></div>
            <p>Text.</p></article></body></html>"#;
        let document = Document::from(html);
        assert_eq!(time_element_day(&document).as_deref(), Some("2024-03-12"));
        let loose = Document::from(
            r#"<html><body><aside><time datetime="2020-01-01">x</time></aside></body></html>"#,
        );
        assert_eq!(
            time_element_day(&loose),
            None,
            "a stray time element dates nothing"
        );
    }

    #[test]
    fn reads_dates_in_three_forms() {
        assert_eq!(
            day("2021-02-24T10:00:00+01:00").as_deref(),
            Some("2021-02-24")
        );
        assert_eq!(day("24 February 2021").as_deref(), Some("2021-02-24"));
        assert_eq!(
            day("Published Feb. 3rd, 2020").as_deref(),
            Some("2020-02-03")
        );
        assert_eq!(day("sometime soon"), None);
        assert_eq!(day("31 February 2021"), None);
    }

    #[test]
    fn finds_the_address_of_a_saved_page() {
        let saved = "<!-- saved from url=(0030)https://example.org/a/b.html -->\n<p>x</p>";
        let document = Document::from(saved);
        assert_eq!(
            page_address(&document, saved).as_deref(),
            Some("https://example.org/a/b.html")
        );
        let canonical = "<link rel=canonical href=\"https://h.org/x\"><meta property=og:url content=\"https://h.org/y\">";
        let document = Document::from(canonical);
        assert_eq!(
            page_address(&document, canonical).as_deref(),
            Some("https://h.org/x")
        );
    }
}
