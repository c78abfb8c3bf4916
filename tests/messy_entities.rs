//! Entities on messy, real-looking briefings (issue 14): one fixture per
//! class of mistake, each in invented words, built into a site and read
//! back from the knowledge base.

mod common;

use common::kb::{kb_of, kind_of, md, names};
use dossier::model::EntityKind;

#[test]
fn a_name_doubled_across_a_line_break_is_one_mention() {
    let kb = kb_of(&[(
        "seeds/a.txt",
        "A Note on Grain\n\nThe analysis was written by Tomas Varek\nTomas Varek argues that Poland will wait.\n",
    )]);
    let found = names(&kb);
    assert!(
        !found.iter().any(|n| n.matches("Varek").count() > 1),
        "{found:?}"
    );
    let person = kb
        .entity_by_name("Tomas Varek")
        .unwrap_or_else(|| panic!("{found:?}"));
    assert_eq!(person.kind, EntityKind::Person);
    assert_eq!(person.mention_count, 1, "{:?}", person.aliases);
}

#[test]
fn people_fused_to_a_role_are_the_person_not_the_role() {
    let kb = kb_of(&[(
        "seeds/a.md",
        &md("Belarusian MFA Head Pavel Drozdik met Minister Ivan Korvel in Minsk. Deputy Prime Minister Olga Restova joined them."),
    )]);
    let found = names(&kb);
    for person in ["Pavel Drozdik", "Ivan Korvel", "Olga Restova"] {
        assert_eq!(kind_of(&kb, person), Some(EntityKind::Person), "{found:?}");
    }
    assert!(
        !found
            .iter()
            .any(|n| n.contains("MFA") || n.contains("Minister") || n.contains("Head")),
        "{found:?}"
    );
    let drozdik = kb.entity_by_name("Pavel Drozdik").unwrap();
    assert_eq!(drozdik.role.as_deref(), Some("MFA Head"));
}

#[test]
fn prefixed_adjectives_are_not_mentions_of_the_name_inside() {
    let kb = kb_of(&[(
        "seeds/a.md",
        &md("The post-Soviet states and the pro-Russian parties, the anti-EU camp and the non-NATO members met in Poland."),
    )]);
    let found = names(&kb);
    for absent in ["Soviet Union", "Russia", "European Union", "NATO"] {
        assert!(!found.contains(&absent), "{absent} in {found:?}");
    }
    assert!(found.contains(&"Poland"), "{found:?}");
}

#[test]
fn an_all_caps_publisher_on_a_cover_is_found_in_normal_case() {
    let cover = "VARNIAN INSTITUTE OF MARITIME AFFAIRS\n\nBriefing Paper 12\n\nPorts of the Baltic\n\nThe harbour in Gdansk grew, as VIMA analysts expected.\n";
    let kb = kb_of(&[
        ("seeds/a.txt", cover),
        (
            "seeds/b.md",
            &md("The Varnian Institute of Maritime Affairs (VIMA) published a paper on Latvia."),
        ),
    ]);
    let found = names(&kb);
    let institute = kb
        .entity_by_name("Varnian Institute of Maritime Affairs")
        .unwrap_or_else(|| panic!("{found:?}"));
    assert_eq!(institute.kind, EntityKind::Organization);
    assert_eq!(institute.briefings.len(), 2, "{:?}", institute.aliases);
    assert!(
        institute.aliases.contains("VIMA"),
        "{:?}",
        institute.aliases
    );
    assert!(!found.iter().any(|n| n.contains("VARNIAN")), "{found:?}");
}

#[test]
fn czech_republic_and_czechia_are_one_country() {
    let kb = kb_of(&[
        ("seeds/a.md", &md("Trade with the Czech Republic grew.")),
        (
            "seeds/b.md",
            &md("Czechia signed, and the Czech Republic’s envoy left."),
        ),
    ]);
    let czech: Vec<&str> = names(&kb)
        .into_iter()
        .filter(|n| n.starts_with("Czech"))
        .collect();
    assert_eq!(czech.len(), 1, "{czech:?}");
    let country = kb.entity_by_name(czech[0]).unwrap();
    assert_eq!(country.kind, EntityKind::Country);
    assert_eq!(country.mention_count, 3);
}

#[test]
fn a_given_name_before_a_surname_is_a_person_not_a_country() {
    let kb = kb_of(&[(
        "seeds/a.md",
        &md("Officials from Jordan met Jordan Valmer in Warsaw. Valmer said Jordan would wait."),
    )]);
    let found = names(&kb);
    assert_eq!(
        kind_of(&kb, "Jordan Valmer"),
        Some(EntityKind::Person),
        "{found:?}"
    );
    let country = kb
        .entity_by_name("Jordan")
        .unwrap_or_else(|| panic!("{found:?}"));
    assert_eq!(country.kind, EntityKind::Country);
    assert_eq!(country.mention_count, 2);
}

#[test]
fn a_for_or_and_join_stops_before_a_known_place() {
    let kb = kb_of(&[(
        "seeds/a.md",
        &md("Last year the Kolstad Grid Office for Romania and Moldova met. The European Bank for Reconstruction and Development paid."),
    )]);
    let found = names(&kb);
    for whole in [
        "Kolstad Grid Office",
        "Romania",
        "Moldova",
        "European Bank for Reconstruction and Development",
    ] {
        assert!(found.contains(&whole), "{whole} missing from {found:?}");
    }
    assert!(
        !found.iter().any(|n| n.contains("for Romania")),
        "{found:?}"
    );
}

#[test]
fn belarusian_and_french_spellings_merge_with_english_ones() {
    let kb = kb_of(&[
        (
            "seeds/a.md",
            &md("Sviatlana Tsikhanouskaya met Alexander Lukashenko's envoy. Tsikhanouskaya left."),
        ),
        (
            "seeds/b.md",
            &md("Sviatlana Tsikhanoŭskaya spoke in Vilnius. Tsikhanoŭskaya stayed."),
        ),
        (
            "seeds/c.md",
            &md("Selon la presse, Alexandre Loukachenko et Svetlana Tikhanovskaïa parlent. Loukachenko attend."),
        ),
    ]);
    let found = names(&kb);
    let people =
        |part: &str| -> Vec<&str> { found.iter().copied().filter(|n| n.contains(part)).collect() };
    let opposition = [people("kaya"), people("kaïa"), people("kaja")].concat();
    assert_eq!(opposition.len(), 1, "{found:?}");
    assert_eq!(
        kb.entity_by_name(opposition[0]).unwrap().briefings.len(),
        3,
        "{found:?}"
    );
    let president = [people("Lukash"), people("Loukach")].concat();
    assert_eq!(president.len(), 1, "{found:?}");
}

#[test]
fn a_belarusian_short_u_in_a_given_name_merges_with_the_russian_form() {
    let kb = kb_of(&[
        (
            "seeds/a.md",
            &md("Foreign Minister Ŭladzimir Karvel met envoys. Karvel left."),
        ),
        (
            "seeds/b.md",
            &md("Foreign Minister Vladimir Karvel spoke in Minsk."),
        ),
    ]);
    let found = names(&kb);
    let people: Vec<&str> = found
        .iter()
        .copied()
        .filter(|n| n.contains("Karvel"))
        .collect();
    assert_eq!(people.len(), 1, "{found:?}");
    assert_eq!(kb.entity_by_name(people[0]).unwrap().briefings.len(), 2);
}

#[test]
fn an_event_series_name_alone_is_the_event() {
    let kb = kb_of(&[
        (
            "seeds/a.md",
            &md("Troops gathered for Varnok-2021 near Grodno. During Varnok, Poland watched."),
        ),
        (
            "seeds/b.md",
            &md("Observers saw Varnok 2021 from Lithuania. Varnok worried Latvia."),
        ),
    ]);
    let found = names(&kb);
    let events: Vec<&str> = found
        .iter()
        .copied()
        .filter(|n| n.contains("Varnok"))
        .collect();
    assert_eq!(events.len(), 1, "{found:?}");
    let event = kb.entity_by_name(events[0]).unwrap();
    assert_eq!(event.kind, EntityKind::Event);
    assert_eq!(event.mention_count, 4, "{:?}", event.aliases);
}

#[test]
fn treaties_exercises_rankings_and_adjectives_get_the_right_type() {
    let text = md("Minsk and Moscow signed the Treaty on the Creation of the Union State long ago. Moldova's DCFTA with the EU holds. Troops rehearsed in Union Shield near Brest. Belarus rose in the Doing Business ranking. Nazi crimes were recalled in Warsaw, and the Nazi occupation of Vitebsk.");
    let kb = kb_of(&[
        ("seeds/a.md", &text),
        ("seeds/b.md", &text),
        ("seeds/c.md", &text),
    ]);
    let found = names(&kb);
    assert_eq!(
        kind_of(&kb, "Treaty on the Creation of the Union State"),
        Some(EntityKind::Other),
        "{found:?}"
    );
    let area = kb
        .entity_by_name("Deep and Comprehensive Free Trade Area")
        .unwrap_or_else(|| panic!("{found:?}"));
    assert_eq!(area.kind, EntityKind::Other);
    assert!(area.aliases.contains("DCFTA"), "{:?}", area.aliases);
    assert_eq!(
        kind_of(&kb, "Union Shield"),
        Some(EntityKind::Event),
        "{found:?}"
    );
    assert_ne!(
        kind_of(&kb, "Doing Business"),
        Some(EntityKind::Place),
        "{found:?}"
    );
    assert!(
        !found.contains(&"Nazi"),
        "an adjective is no entity: {found:?}"
    );
}

#[test]
fn a_name_split_over_a_line_break_is_linked_in_the_body() {
    let dir = common::site(&[(
        "seeds/a.md",
        &md("Money came from the European Bank for Reconstruction and\nDevelopment in May."),
    )]);
    let site = common::build(dir.path()).expect("the site builds");
    let page = common::read_html(&site.join("briefings/case.html"));
    let texts: Vec<String> = common::select(&page, ".body a")
        .iter()
        .map(common::text)
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t == "European Bank for Reconstruction and Development"),
        "{texts:?}"
    );
}

#[test]
fn a_name_cut_after_its_first_letters_is_whole_again() {
    let kb = kb_of(&[(
        "seeds/a.txt",
        "A Note on Grain\n\nAnalysts at the C entre for Eastern Studies met Anna O strogorska in Minsk.\nAnna Ostrogorska, its director, said the Centre for Eastern Studies would report.\n",
    )]);
    let found = names(&kb);
    assert!(found.contains(&"Centre for Eastern Studies"), "{found:?}");
    assert!(found.contains(&"Anna Ostrogorska"), "{found:?}");
    assert!(
        !found
            .iter()
            .any(|n| n.contains("C entre") || n.contains("O strog")),
        "{found:?}"
    );
    let person = kb.entity_by_name("Anna Ostrogorska").unwrap();
    assert_eq!(person.mention_count, 2, "{:?}", person.aliases);
}

#[test]
fn a_bare_word_alike_only_in_skeleton_does_not_join_a_person() {
    let kb = kb_of(&[(
        "seeds/a.md",
        &md("Ales Bialiatski was sentenced in Minsk. Bialiatski did not appeal. Ships crossed the Baltic towards Klaipeda, and Baltic ports were busy."),
    )]);
    let person = kb.entity_by_name("Ales Bialiatski").expect("the person");
    assert!(
        !person.aliases.iter().any(|a| a == "Baltic"),
        "{:?}",
        person.aliases
    );
}

#[test]
fn belarusian_ka_family_names_are_masculine_and_merge_with_ko() {
    let kb = kb_of(&[
        (
            "seeds/a.md",
            &md("Pavel Latushka spoke in Warsaw. Latushka asked for support."),
        ),
        (
            "seeds/b.md",
            &md("Pavel Latushko met journalists in Vilnius. Latushko was calm."),
        ),
    ]);
    let found = names(&kb);
    let people: Vec<&str> = found
        .iter()
        .copied()
        .filter(|n| n.contains("Latush"))
        .collect();
    assert_eq!(people.len(), 1, "{found:?}");
    assert_eq!(kb.entity_by_name(people[0]).unwrap().briefings.len(), 2);
}

#[test]
fn a_french_romanisation_is_found_under_the_english_reading() {
    let kb = kb_of(&[
        (
            "seeds/a.md",
            &md("President Salomé Zourabichvili spoke in Tbilisi. Zourabichvili stayed on."),
        ),
        (
            "seeds/b.md",
            &md("In Tbilisi, Zurabishvili vetoed the bill again."),
        ),
    ]);
    let found = names(&kb);
    let people: Vec<&str> = found
        .iter()
        .copied()
        .filter(|n| n.contains("abi"))
        .collect();
    assert_eq!(people.len(), 1, "{found:?}");
    assert_eq!(
        kb.entity_by_name(people[0]).unwrap().briefings.len(),
        2,
        "{found:?} {:?}",
        kb.entity_by_name(people[0]).unwrap().aliases
    );
}

#[test]
fn two_people_sharing_a_family_name_stay_two() {
    let kb = kb_of(&[
        (
            "seeds/a.md",
            &md("Viktar Babaryka was arrested in June. Babaryka had planned to run."),
        ),
        (
            "seeds/b.md",
            &md("Eduard Babaryka, his son, ran the campaign. Later Viktar Babaryka wrote from prison."),
        ),
    ]);
    let found = names(&kb);
    for person in ["Viktar Babaryka", "Eduard Babaryka"] {
        assert_eq!(kind_of(&kb, person), Some(EntityKind::Person), "{found:?}");
    }
    assert_ne!(
        kb.entity_by_name("Viktar Babaryka").unwrap().slug,
        kb.entity_by_name("Eduard Babaryka").unwrap().slug
    );
}

#[test]
fn flotilla_okrug_and_facility_give_types() {
    let kb = kb_of(&[(
        "seeds/a.md",
        &md("The Danube Flotilla sailed past Izmail. Officials of the Yamalo-Nenets Okrug met in Salekhard. The Ukraine Facility pays out in tranches."),
    )]);
    let found = names(&kb);
    for (name, kind) in [
        ("Danube Flotilla", EntityKind::Organization),
        ("Yamalo-Nenets Okrug", EntityKind::Place),
        ("Ukraine Facility", EntityKind::Other),
    ] {
        assert_eq!(kind_of(&kb, name), Some(kind), "{name}: {found:?}");
    }
}

#[test]
fn an_apposition_types_a_name_no_list_knows() {
    let kb = kb_of(&[(
        "seeds/a.md",
        &md("The think tank Orvessa Lab warned on Monday. Keskavo, the state shipping company, cut jobs. Farmers from the village of Dolny Varek wrote to Selvara, the oblast capital. Yesterday, the ministry said nothing."),
    )]);
    let found = names(&kb);
    for (name, kind) in [
        ("Orvessa Lab", EntityKind::Organization),
        ("Keskavo", EntityKind::Organization),
        ("Dolny Varek", EntityKind::Place),
        ("Selvara", EntityKind::Place),
    ] {
        assert_eq!(kind_of(&kb, name), Some(kind), "{name} in {found:?}");
    }
    assert!(!found.contains(&"Yesterday"), "{found:?}");
}

#[test]
fn a_type_word_before_of_for_or_in_keeps_and_types_the_name() {
    let kb = kb_of(&[(
        "seeds/a.md",
        &md("Later the Varnian Ministry of Coastal Defence and the Selvan Commissariat for Refugees met the Tarvel Mission in Moldova. The Varda Foundation International paid for the Orlek Prize for Journalism."),
    )]);
    let found = names(&kb);
    for (name, kind) in [
        (
            "Varnian Ministry of Coastal Defence",
            EntityKind::Organization,
        ),
        ("Selvan Commissariat for Refugees", EntityKind::Organization),
        ("Tarvel Mission in Moldova", EntityKind::Organization),
        ("Varda Foundation International", EntityKind::Organization),
        ("Orlek Prize for Journalism", EntityKind::Other),
    ] {
        assert_eq!(kind_of(&kb, name), Some(kind), "{name} in {found:?}");
    }
}

#[test]
fn in_does_not_join_a_name_in_a_headline() {
    let kb = kb_of(&[(
        "seeds/a.md",
        "---\ntitle: Case\ndate: 2024-01-02\n---\n\n## Tarvel Mission in Moldova Falters\n\nThe Tarvel Mission reported from Moldova.\n",
    )]);
    let found = names(&kb);
    assert!(!found.iter().any(|n| n.contains("Mission in")), "{found:?}");
}

#[test]
fn new_type_words_type_their_names() {
    let kb = kb_of(&[(
        "seeds/a.md",
        &md("Later the Selvo Endowment, the Orvik Chamber and the Varnek Gendarmerie met at Golvar Fortress. The Coastal Needs Assessment and the Dravonsk Award followed."),
    )]);
    let found = names(&kb);
    for (name, kind) in [
        ("Selvo Endowment", EntityKind::Organization),
        ("Orvik Chamber", EntityKind::Organization),
        ("Varnek Gendarmerie", EntityKind::Organization),
        ("Golvar Fortress", EntityKind::Place),
        ("Coastal Needs Assessment", EntityKind::Other),
        ("Dravonsk Award", EntityKind::Other),
    ] {
        assert_eq!(kind_of(&kb, name), Some(kind), "{name} in {found:?}");
    }
}

#[test]
fn a_bracketed_acronym_of_two_words_is_the_name_s_alias() {
    let kb = kb_of(&[(
        "seeds/a.md",
        &md("The Danube Partnership Civic Forum (DaP CF) met in Vienna. Later DaP CF wrote to Austria."),
    )]);
    let found = names(&kb);
    let forum = kb
        .entity_by_name("Danube Partnership Civic Forum")
        .unwrap_or_else(|| panic!("{found:?}"));
    assert!(forum.aliases.contains("DaP CF"), "{:?}", forum.aliases);
    assert!(!found.contains(&"DaP CF"), "{found:?}");
}

#[test]
fn a_and_b_council_is_one_organisation() {
    let kb = kb_of(&[(
        "seeds/a.md",
        &md("The Tarvel and Dravonsk Council met in Batumi. Later Tarvel and Dravonsk agreed."),
    )]);
    let found = names(&kb);
    assert_eq!(
        kind_of(&kb, "Tarvel and Dravonsk Council"),
        Some(EntityKind::Organization),
        "{found:?}"
    );
}

#[test]
fn a_title_inside_a_phrase_ends_the_name_before_it() {
    let kb = kb_of(&[(
        "seeds/a.md",
        &md("On Monday, US House Speaker Dalia Vornhelm landed in Vilnius. Velmora CEO Andrei Kostrak said prices would rise. The talks with Commission President Ilse von der Marhaus ended without a deal."),
    )]);
    let found = names(&kb);
    for person in ["Dalia Vornhelm", "Andrei Kostrak", "Ilse von der Marhaus"] {
        assert!(found.contains(&person), "{person} missing from {found:?}");
        assert_eq!(kb.entity_by_name(person).unwrap().kind, EntityKind::Person);
    }
    assert!(
        !found
            .iter()
            .any(|n| n.contains("Speaker") || n.contains("CEO")),
        "{found:?}"
    );
}

#[test]
fn a_name_in_a_list_takes_the_type_of_a_sure_neighbour() {
    let kb = kb_of(&[(
        "seeds/a.md",
        &md("The villages of Dravetz and Olmarin were handed over. Officials met in Kestovo, Brunac and Veliko Selo. In Riga, Toomsalu spoke."),
    )]);
    let found = names(&kb);
    for place in ["Dravetz", "Olmarin", "Brunac", "Veliko Selo"] {
        assert!(found.contains(&place), "{place} missing from {found:?}");
        assert_eq!(
            kb.entity_by_name(place).unwrap().kind,
            EntityKind::Place,
            "{place}"
        );
    }
    // `In Riga,` is an adverbial, not a list: Toomsalu is not a place.
    assert!(
        kb.entity_by_name("Toomsalu")
            .is_none_or(|e| e.kind != EntityKind::Place),
        "{found:?}"
    );
}

#[test]
fn a_treaty_name_runs_on_through_to_and_and() {
    let kb = kb_of(&[(
        "seeds/a.md",
        &md("Both leaders accepted the Agreement on the Road to Normal Relations in Ohrid. Kyiv hopes for an Agreement on Conformity Assessment and Acceptance of Industrial Goods soon."),
    )]);
    let found = names(&kb);
    for treaty in [
        "Agreement on the Road to Normal Relations",
        "Agreement on Conformity Assessment and Acceptance of Industrial Goods",
    ] {
        assert!(found.contains(&treaty), "{treaty} missing from {found:?}");
    }
}

#[test]
fn a_research_title_in_an_author_box_is_no_entity() {
    let kb = kb_of(&[(
        "seeds/a.md",
        &md("The talks stalled in Tallinn.\n\nMarta Kivisild is a Senior Research Fellow at the Narva Policy Institute."),
    )]);
    let found = names(&kb);
    assert!(!found.iter().any(|n| n.contains("Fellow")), "{found:?}");
    assert!(found.contains(&"Marta Kivisild"), "{found:?}");
}

#[test]
fn an_english_name_a_vowel_apart_does_not_join_a_person() {
    let kb = kb_of(&[
        (
            "seeds/a.md",
            &md("Senator Dana Wexler spoke in Vilnius. Wexler said the port would reopen."),
        ),
        (
            "seeds/b.md",
            &md("The consultant Waxler wrote the report, and Li and Le signed it in Riga."),
        ),
    ]);
    let person = kb.entity_by_name("Dana Wexler").expect("the person");
    for stranger in ["Waxler", "Li", "Le"] {
        assert!(
            !person.aliases.iter().any(|a| a == stranger),
            "{stranger} in {:?}",
            person.aliases
        );
    }
}

#[test]
fn demonyms_and_language_names_get_no_page() {
    let kb = kb_of(&[(
        "seeds/a.md",
        &md("The Eurasian bloc courted Scottish voters. Polynesian navigators and English translators met in Tallinn. Later, European diplomats arrived, and the Welsh delegation left."),
    )]);
    let found = names(&kb);
    for absent in [
        "Eurasian",
        "Scottish",
        "Polynesian",
        "English",
        "European",
        "Welsh",
    ] {
        assert!(!found.contains(&absent), "{absent} in {found:?}");
    }
    assert!(found.contains(&"Tallinn"), "{found:?}");
}

#[test]
fn a_country_named_mostly_by_its_demonym_keeps_its_name() {
    let kb = kb_of(&[(
        "seeds/a.md",
        &md("Israeli officials met in Haifa. The Israeli cabinet and Israeli ministers voted; Israel abstained once."),
    )]);
    let found = names(&kb);
    assert!(found.contains(&"Israel"), "{found:?}");
    assert!(!found.contains(&"Israeli"), "{found:?}");
}

#[test]
fn foreign_function_words_and_bare_numbers_get_no_page() {
    let kb = kb_of(&[(
        "seeds/a.md",
        &md("Les ministres ont parlé. Que faire? Der erste Schritt kam. La CNAVQ a publié un avis; la CNAVQ attend. Rask, Elin Marta (2011). In Vilnius, the CNAVQ wrote 1998 notes."),
    )]);
    let found = names(&kb);
    for absent in ["Les", "Que", "Der", "La", "La CNAVQ", "2011", "1998"] {
        assert!(!found.contains(&absent), "{absent} in {found:?}");
    }
    assert!(found.contains(&"Vilnius"), "{found:?}");
}

#[test]
fn given_names_cut_at_an_initial_in_a_reference_list_get_no_page() {
    let kb = kb_of(&[(
        "seeds/a.md",
        &md("The port grew in Klaipeda.\n\nSources: Varek, Tomas K.; Ostrova, Helena M. (2019). Grain routes. World War I ended."),
    )]);
    let found = names(&kb);
    assert!(
        !found.iter().any(|n| n.ends_with(" K") || n.ends_with(" M")),
        "{found:?}"
    );
}

#[test]
fn a_named_forum_is_an_organisation() {
    let kb = kb_of(&[(
        "seeds/a.md",
        &md("The Lakeshore Islands Forum met in Riga, and the Lakeshore Islands Forum later wrote to Latvia."),
    )]);
    let found = names(&kb);
    assert_eq!(
        kind_of(&kb, "Lakeshore Islands Forum"),
        Some(EntityKind::Organization),
        "{found:?}"
    );
}

#[test]
fn a_name_shaped_as_a_persons_is_one_though_no_list_knows_its_given_name() {
    let kb = kb_of(&[(
        "seeds/a.md",
        &md("The talks ended when Ndubeze Okarrafo left the room. The government of Tesfarim Merawitu fell in May, and Merawitu blamed the army. Fighting spread to El Qarrah and Santa Velmora. Officials met in Kestovo, Brunac and Veliko Selo. The junta of Ibrahim Korvalé of Mali refused, and Luiz Inácio Varela da Costa and General Abdel Samir al-Qarani did too, as the Halvor Institute for China Studies noted."),
    )]);
    let found = names(&kb);
    for name in [
        "Ibrahim Korvalé",
        "Luiz Inácio Varela da Costa",
        "Abdel Samir al-Qarani",
        "Halvor Institute for China Studies",
    ] {
        assert!(found.contains(&name), "{name} missing from {found:?}");
    }
    for person in ["Ndubeze Okarrafo", "Tesfarim Merawitu"] {
        assert!(found.contains(&person), "{person} missing from {found:?}");
        assert_eq!(kb.entity_by_name(person).unwrap().kind, EntityKind::Person);
    }
    // The family name alone is the same person, not a page of its own.
    assert!(!found.contains(&"Merawitu"), "{found:?}");
    // Places opening with an article or a saint, and list members beside a
    // place, are no people.
    for name in ["El Qarrah", "Santa Velmora", "Veliko Selo"] {
        assert!(
            kb.entity_by_name(name)
                .is_none_or(|e| e.kind != EntityKind::Person),
            "{name}: {found:?}"
        );
    }
}
