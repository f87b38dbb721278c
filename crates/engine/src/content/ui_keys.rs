//! The interface words the guide shows, as a closed set: a view names a
//! [`Ui`] variant, never a string, so a typo is a compile error; the
//! validator iterates [`Ui::ALL`], so a content file missing one (or naming
//! an unknown one) is a content error before a visitor meets an empty
//! label. `{n}`, `{total}`, `{name}` and `{country}` are filled in by the
//! guide.

macro_rules! ui_keys {
    ($($(#[$doc:meta])* $variant:ident = $key:literal,)*) => {
        /// One interface text: a key of the `[ui]` table in content/guide.toml.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Ui {
            $($(#[$doc])* $variant,)*
        }

        impl Ui {
            /// Every key, in the order of content/guide.toml.
            pub const ALL: &[Ui] = &[$(Ui::$variant,)*];

            /// The key as written in the content file.
            pub const fn key(self) -> &'static str {
                match self {
                    $(Ui::$variant => $key,)*
                }
            }
        }
    };
}

ui_keys! {
    // Every screen
    Language = "language",
    LanguageFailed = "language_failed",
    /// Which language and variety the text is written in, shown when the
    /// browser asked for another region's (pt-PT given pt-BR).
    WrittenIn = "written_in",
    UrgentLink = "urgent_link",
    /// The quick exit in the header: forgets the session and replaces the
    /// page with a neutral one (the configuration's `exit_url`).
    LeaveQuickly = "leave_quickly",
    /// Beside it: the Escape key does the same.
    LeaveHint = "leave_hint",
    Back = "back",
    // Welcome
    WelcomeTitle = "welcome_title",
    WelcomeWhat = "welcome_what",
    WelcomeTime = "welcome_time",
    PrivacyPromise = "privacy_promise",
    UrgentNow = "urgent_now",
    Start = "start",
    Explore = "explore",
    MoreHelp = "more_help",
    // Explore, option pages, comparison
    ExploreTitle = "explore_title",
    ExploreIntro = "explore_intro",
    ReadMore = "read_more",
    CompareLink = "compare_link",
    HelperLink = "helper_link",
    What = "what",
    GoodFor = "good_for",
    NotFor = "not_for",
    Length = "length",
    Provider = "provider",
    FirstSession = "first_session",
    Privacy = "privacy",
    Cost = "cost",
    Schools = "schools",
    Ask = "ask",
    CompareTitle = "compare_title",
    CompareOption = "compare_option",
    CompareFocus = "compare_focus",
    CompareLength = "compare_length",
    CompareProvider = "compare_provider",
    CompareCost = "compare_cost",
    ComparePrivacy = "compare_privacy",
    // Questionnaire
    QuestionProgress = "question_progress",
    Next = "next",
    Skip = "skip",
    SeeResults = "see_results",
    BackToResults = "back_to_results",
    Optional = "optional",
    AnswerRequired = "answer_required",
    // Crisis
    CrisisTitle = "crisis_title",
    CrisisText = "crisis_text",
    CrisisDefault = "crisis_default",
    CrisisNumbersFor = "crisis_numbers_for",
    CrisisNoCountry = "crisis_no_country",
    CountryChoose = "country_choose",
    CountryOther = "country_other",
    EmergencyNumber = "emergency_number",
    TextTo = "text_to",
    TextNumber = "text_number",
    YoungLines = "young_lines",
    /// Above the abuse and violence lines, after "someone may hurt me".
    AbuseLines = "abuse_lines",
    CrisisContinue = "crisis_continue",
    /// Beside the number any mobile phone dials, where the country's own
    /// is not known.
    EmergencyMobile = "emergency_mobile",
    Police = "police",
    Ambulance = "ambulance",
    /// `crate::hours`: "24/7".
    OpenAlways = "open_always",
    /// Seven short day names, Monday first, separated by spaces.
    Weekdays = "weekdays",
    /// Opening hours in the line's country's time: "{hours} (local time)".
    LocalTime = "local_time",
    ForYoung = "for_young",
    ForLgbtq = "for_lgbtq",
    ForVeterans = "for_veterans",
    ForWomen = "for_women",
    /// A web chat's link text, and what it does (it leaves the guide).
    ChatOnline = "chat_online",
    ChatLeaves = "chat_leaves",
    /// Under every list of numbers: "Numbers checked on {date}".
    NumbersChecked = "numbers_checked",
    /// Why urgent help still leads after a risk answer was changed.
    RiskTakenBack = "risk_taken_back",
    UrgentTitle = "urgent_title",
    // Results
    ResultsTitle = "results_title",
    ResultsIntro = "results_intro",
    BestTitle = "best_title",
    OthersTitle = "others_title",
    Why = "why",
    NoReasons = "no_reasons",
    CautionsTitle = "cautions_title",
    MoodTitle = "mood_title",
    MoodScore = "mood_score",
    MoodIncomplete = "mood_incomplete",
    /// Some items skipped, but those answered already reach a band.
    MoodAtLeast = "mood_at_least",
    /// A subscale's score from the items answered: "at least {n}".
    MoodAtLeastScore = "mood_at_least_score",
    MoodFlagged = "mood_flagged",
    NotDiagnosis = "not_diagnosis",
    YourAnswers = "your_answers",
    Change = "change",
    Skipped = "skipped",
    NotAsked = "not_asked",
    TakeAway = "take_away",
    Print = "print",
    Copy = "copy",
    Copied = "copied",
    CopyFailed = "copy_failed",
    Download = "download",
    SummaryTitle = "summary_title",
    StartAgain = "start_again",
    ClinicContact = "clinic_contact",
    NotOffered = "not_offered",
    Remember = "remember",
    RememberNote = "remember_note",
    RememberNoteSite = "remember_note_site",
    Forget = "forget",
    PrivacyCheck = "privacy_check",
    PrivacyNone = "privacy_none",
    PrivacySome = "privacy_some",
    // The safety plan (Stanley and Brown's six steps)
    PlanOffer = "plan_offer",
    PlanTitle = "plan_title",
    PlanIntro = "plan_intro",
    PlanPrivate = "plan_private",
    PlanWarning = "plan_warning",
    PlanWarningHint = "plan_warning_hint",
    PlanCoping = "plan_coping",
    PlanCopingHint = "plan_coping_hint",
    PlanDistract = "plan_distract",
    PlanDistractHint = "plan_distract_hint",
    PlanPeople = "plan_people",
    PlanPeopleHint = "plan_people_hint",
    PlanProfessionals = "plan_professionals",
    PlanProfessionalsHint = "plan_professionals_hint",
    PlanSafer = "plan_safer",
    PlanSaferHint = "plan_safer_hint",
    PlanDownload = "plan_download",
    PlanCopy = "plan_copy",
    PlanCopied = "plan_copied",
    // Things to do now, and routes into services
    SelfCareTitle = "self_care_title",
    SelfCareNote = "self_care_note",
    RoutesTitle = "routes_title",
    RoutesIntro = "routes_intro",
    RouteSelfReferral = "route_self_referral",
    RouteIntakeLine = "route_intake_line",
    RouteRegister = "route_register",
    RouteClinic = "route_clinic",
}
