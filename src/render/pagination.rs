//! Lists split over pages: how many pages a list fills, where page `n`
//! lives, the navigation between them, which pages a shorter list no longer
//! has, and how the pages of a long list are grouped into rendering jobs.
//! Rendering and `serve`'s patches both count pages here.

use super::views::{PageNumber, Pagination};

/// Pages of one entity's or topic's list rendered by one job.
pub(crate) const PAGES_PER_JOB: usize = 16;

/// Page `n` (1-based) of a paginated listing whose first page is `first`.
pub fn paginated(first: &str, n: usize) -> String {
    if n <= 1 {
        return first.to_string();
    }
    let stem = first.strip_suffix(".html").unwrap_or(first);
    format!("{stem}/page-{n}.html")
}

/// The pages a list of `items` fills, `size` to a page: at least one.
pub fn page_count(items: usize, size: usize) -> usize {
    items.div_ceil(size.max(1)).max(1)
}

/// The rendering jobs of a list of `items` (each job renders
/// [`PAGES_PER_JOB`] pages).
pub(crate) fn job_groups(items: usize, size: usize) -> std::ops::Range<usize> {
    0..page_count(items, size).div_ceil(PAGES_PER_JOB)
}

/// Splits a list into pages; an empty list still has one (empty) page.
pub fn paginate<T>(items: &[T], size: usize) -> Vec<&[T]> {
    if items.is_empty() {
        return vec![&items[..0]];
    }
    items.chunks(size.max(1)).collect()
}

pub fn page_title(title: &str, number: usize) -> String {
    if number <= 1 {
        title.to_string()
    } else {
        format!("{title} (page {number})")
    }
}

/// Navigation between the pages of a listing whose first page is `first`.
pub fn pagination(first: &str, current: usize, total: usize, root: &str) -> Pagination {
    let url = |n: usize| format!("{root}{}", paginated(first, n));
    let window = current.saturating_sub(3).max(1)..=(current + 3).min(total);
    let mut numbers: Vec<usize> = window.collect();
    if !numbers.contains(&1) {
        numbers.insert(0, 1);
    }
    if !numbers.contains(&total) {
        numbers.push(total);
    }
    Pagination {
        current,
        total,
        prev: (current > 1).then(|| url(current - 1)),
        next: (current < total).then(|| url(current + 1)),
        pages: numbers
            .into_iter()
            .map(|n| PageNumber {
                number: n,
                url: url(n),
                current: n == current,
            })
            .collect(),
    }
}

/// The pages a list whose first page is `first` had with `before` items and
/// no longer has with `now` (`size` to a page).
pub fn pages_beyond(first: &str, now: usize, before: usize, size: usize) -> Vec<String> {
    (page_count(now, size) + 1..=page_count(before, size))
        .map(|n| paginated(first, n))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_n_of_a_list_lives_beside_its_first_page() {
        assert_eq!(paginated("entities/x.html", 1), "entities/x.html");
        assert_eq!(paginated("entities/x.html", 2), "entities/x/page-2.html");
    }

    #[test]
    fn an_empty_list_fills_one_page_and_a_full_one_no_more() {
        assert_eq!(page_count(0, 10), 1);
        assert_eq!(page_count(10, 10), 1);
        assert_eq!(page_count(11, 10), 2);
        assert_eq!(paginate::<u8>(&[], 10).len(), 1);
    }

    #[test]
    fn a_shorter_list_loses_its_last_pages() {
        assert_eq!(
            pages_beyond("topics/t.html", 11, 31, 10),
            ["topics/t/page-3.html", "topics/t/page-4.html"]
        );
        assert!(pages_beyond("topics/t.html", 20, 12, 10).is_empty());
    }

    #[test]
    fn long_lists_are_rendered_in_groups_of_pages() {
        assert_eq!(job_groups(10 * PAGES_PER_JOB, 10), 0..1);
        assert_eq!(job_groups(10 * PAGES_PER_JOB + 1, 10), 0..2);
    }

    #[test]
    fn navigation_shows_a_window_and_both_ends() {
        let nav = pagination("briefings/index.html", 9, 20, "../");
        let numbers: Vec<usize> = nav.pages.iter().map(|p| p.number).collect();
        assert_eq!(numbers, [1, 6, 7, 8, 9, 10, 11, 12, 20]);
        assert_eq!(nav.prev.as_deref(), Some("../briefings/index/page-8.html"));
    }
}
