//! The shared bottom layer: the values one stage hands the next (briefings
//! and notes as read, what extraction found, pages to write) and the small
//! pure functions on them (dates, name keys). Every stage may import it; it
//! imports no stage (only `paths`, for slugs).

pub mod date;
pub mod extraction;
pub mod names;
pub mod page;
pub mod settings;
pub mod sources;

use std::fmt;

use serde::{Deserialize, Serialize};

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Country,
    Place,
    #[serde(alias = "organisation")]
    Organization,
    Event,
    Other,
}

impl EntityKind {
    pub const ALL: [EntityKind; 6] = [
        EntityKind::Person,
        EntityKind::Country,
        EntityKind::Place,
        EntityKind::Organization,
        EntityKind::Event,
        EntityKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Country => "country",
            EntityKind::Place => "place",
            EntityKind::Organization => "organization",
            EntityKind::Event => "event",
            EntityKind::Other => "other",
        }
    }

    /// The heading used when entities are grouped by kind.
    pub fn plural_label(self) -> &'static str {
        match self {
            EntityKind::Person => "People",
            EntityKind::Country => "Countries",
            EntityKind::Place => "Places",
            EntityKind::Organization => "Organisations",
            EntityKind::Event => "Events",
            EntityKind::Other => "Other",
        }
    }

    /// The schema.org type for JSON-LD.
    pub fn schema_type(self) -> &'static str {
        match self {
            EntityKind::Person => "Person",
            EntityKind::Country => "Country",
            EntityKind::Place => "Place",
            EntityKind::Organization => "Organization",
            EntityKind::Event => "Event",
            EntityKind::Other => "Thing",
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
