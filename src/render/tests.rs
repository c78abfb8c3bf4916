use std::collections::BTreeSet;

use super::*;

/// Renders the site and keeps the search shards, kb.json and the
/// preview shards.
fn site_data(kb: &KnowledgeBase, derived: &Derived) -> Vec<Page> {
    let tera = templates::load(&kb.config.templates_dir()).unwrap();
    let pages = Mutex::new(Vec::new());
    let keep = |page: Page| {
        let data = ["search/", "previews/", "kb.json"];
        if data.iter().any(|prefix| page.path.starts_with(prefix)) {
            lock(&pages).push(page);
        }
        Ok(())
    };
    render(kb, &tera, derived, &keep).unwrap();
    pages.into_inner().unwrap()
}

#[test]
fn refreshed_site_data_is_as_rendered_from_scratch() {
    let mut kb = testing::sample_kb();
    let mut derived = Derived::new(&kb, true);
    let before = site_data(&kb, &derived);
    let touched = testing::edit_mentions(&mut kb);
    let (entities, briefings, topics) = (&touched.entities, &touched.briefings, &touched.topics);
    let returned = refresh_site_data(&kb, &mut derived, entities, briefings, topics).unwrap();
    let after = site_data(&kb, &Derived::new(&kb, true));
    testing::assert_patched(&before, &returned, &after);
    let paths: BTreeSet<&str> = returned.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths.len(), returned.len(), "each file once");
}
