//! The crisis directory's types (content/crisis.toml, emergency.toml,
//! time-zones.toml).

use super::*;

/// The directory's parts of [`Content`], which compiled content leaves out.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DirectoryParts {
    pub crisis_directory: Vec<CountryEntry>,
    pub emergency_numbers: Vec<EmergencySource>,
    pub time_zones: BTreeMap<String, String>,
}

/// Emergency numbers for many countries, all confirmed on one page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EmergencySource {
    pub source: String,
    /// `YYYY-MM-DD`.
    pub checked: String,
    /// Country code -> its numbers as dialled there: `"112"`, or several
    /// with their service, `"police:100 ambulance:102"`.
    pub numbers: BTreeMap<String, String>,
}

/// Which emergency service a number reaches.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Service {
    /// Every emergency service.
    #[default]
    General,
    Police,
    Ambulance,
}

/// Who a crisis line is for (the view names each in the visitor's language).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    Everyone,
    Young,
    Lgbtq,
    Veterans,
    Women,
}

/// One country's emergency numbers and crisis lines, each with the page it
/// was confirmed on and the date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CountryEntry {
    /// ISO 3166-1 alpha-2, upper case ("GB"). Its name comes from the
    /// visitor's browser, in their language (`Intl.DisplayNames`).
    pub country: String,
    /// Its emergency numbers, each confirmed on its own page; without them
    /// the country's numbers in `emergency_numbers` stand.
    #[serde(default)]
    pub emergency: Vec<EmergencyNumber>,
    #[serde(default)]
    pub lines: Vec<CrisisLine>,
    /// The main public ways into non-crisis help (issue 28): self-referral
    /// to talking therapy, a national intake line, a register of
    /// professionals.
    #[serde(default)]
    pub routes: Vec<ServiceRoute>,
}

/// A public way into non-urgent help in a country.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ServiceRoute {
    pub id: String,
    pub kind: RouteKind,
    /// The service's own name, in its own language.
    pub name: String,
    /// The part of the country it covers, when not all of it.
    #[serde(default)]
    pub region: Option<String>,
    /// Where the visitor goes (https).
    #[serde(default)]
    pub url: Option<String>,
    /// Its intake number, as the service writes it.
    #[serde(default)]
    pub phone: Option<String>,
    pub source: String,
    /// `YYYY-MM-DD`.
    pub checked: String,
    /// Confirmed only on a page other than the service's or its
    /// government's own: confirm on the live site at each review.
    #[serde(default)]
    pub verify: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RouteKind {
    /// Refer yourself to talking therapy.
    SelfReferral,
    /// A phone line or site that assesses and directs to services.
    IntakeLine,
    /// A register or search of registered professionals.
    Register,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EmergencyNumber {
    /// As dialled in the country ("999").
    pub number: String,
    /// What it reaches, where a country has several.
    #[serde(default)]
    pub service: Service,
    pub source: String,
    /// `YYYY-MM-DD`.
    pub checked: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CrisisLine {
    pub id: String,
    /// The service's own name, as it writes it (what a caller hears).
    pub name: String,
    /// To call, as dialled in the country.
    #[serde(default)]
    pub phone: Option<String>,
    /// To text.
    #[serde(default)]
    pub sms: Option<String>,
    /// The word the service asks the first text to say ("SHOUT").
    #[serde(default)]
    pub sms_body: Option<String>,
    /// Its web chat (an https page of the service's own).
    #[serde(default)]
    pub chat: Option<String>,
    /// When it answers, local time: `"24/7"` or `"Mo-Fr 09:00-21:00; Sa
    /// 10:00-14:00"` (crate::hours). Omitted where the service's own page
    /// does not say: a confirmed crisis number is shown without hours
    /// rather than left out.
    #[serde(default)]
    pub hours: Option<String>,
    /// Languages served, as language tags.
    #[serde(default)]
    pub languages: Vec<String>,
    /// Who it is for; young people's lines come first on the pages for
    /// under-18s.
    pub audience: Vec<Audience>,
    /// A line for people in danger from someone: domestic abuse, sexual or
    /// other violence. Listed first after a risk answer that says so.
    #[serde(default)]
    pub abuse: bool,
    pub source: String,
    /// `YYYY-MM-DD`.
    pub checked: String,
}
