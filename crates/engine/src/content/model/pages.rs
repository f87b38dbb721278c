//! What the visitor reads: the support options, the page on helpers and
//! the pages for other audiences.

use super::*;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SupportOption {
    pub id: String,
    /// The crisis option: first in the ranking when a risk answer is given,
    /// and never ranked otherwise.
    #[serde(default)]
    pub urgent: bool,
    pub name: Text,
    pub summary: Text,
    pub what: Text,
    pub good_for: Text,
    pub not_for: Text,
    pub length: Text,
    pub provider: Text,
    pub first_session: Text,
    pub privacy: Text,
    pub cost: Text,
    /// Questions worth asking a provider.
    pub ask: TextList,
    /// Schools or kinds within this option (psychotherapy's CBT, ...).
    #[serde(default)]
    pub schools: Vec<School>,
    /// Short cells for the side-by-side comparison.
    pub compare: Compare,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct School {
    pub id: String,
    pub name: Text,
    pub text: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Compare {
    pub focus: Text,
    pub length: Text,
    pub provider: Text,
    pub cost: Text,
    pub privacy: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HelperPage {
    pub title: Text,
    pub intro: Text,
    pub qualities: Vec<Quality>,
    /// The honest note that counselling and psychotherapy overlap.
    pub overlap: Text,
    /// Titles and registers differ by country.
    pub titles: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Quality {
    pub id: String,
    pub name: Text,
    pub text: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AudiencePage {
    pub id: String,
    pub title: Text,
    pub summary: Text,
    pub sections: Vec<Section>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub heading: Text,
    pub body: Text,
}
