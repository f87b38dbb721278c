//! Whole screens, one per file. Each renders from the two contexts and
//! dispatches actions; the reducer (`state`) and the engine decide.

mod audience;
mod compare;
mod explore;
mod helper;
mod option;
mod question;
mod results;
mod safety_plan;
mod urgent;
mod welcome;

pub use audience::AudiencePage;
pub use compare::Compare;
pub use explore::Explore;
pub use helper::Helper;
pub use option::OptionPage;
pub use question::QuestionPage;
pub use results::{Results, route_kind};
pub use safety_plan::{PLAN, SafetyPlan};
pub use urgent::Urgent;
pub use welcome::Welcome;
