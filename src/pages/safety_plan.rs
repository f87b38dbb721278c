use signpost_engine::Ui;
use yew::prelude::*;

use crate::components::{ContactList, Page, TakeAway, crisis_words};
use crate::context::{use_guide, use_session};
use crate::state::{Action, PLAN_STEPS};
use crate::summary::plan_text;

/// Each step's heading and prompt (Stanley and Brown's safety planning).
pub const PLAN: [(Ui, Ui); PLAN_STEPS] = [
    (Ui::PlanWarning, Ui::PlanWarningHint),
    (Ui::PlanCoping, Ui::PlanCopingHint),
    (Ui::PlanDistract, Ui::PlanDistractHint),
    (Ui::PlanPeople, Ui::PlanPeopleHint),
    (Ui::PlanProfessionals, Ui::PlanProfessionalsHint),
    (Ui::PlanSafer, Ui::PlanSaferHint),
];

/// The safety plan: six labelled text boxes, the crisis contacts in the
/// professionals' step, and print, copy and download. What the visitor
/// writes lives in the session only (never stored, never sent) and is
/// rendered as text, never as markup.
#[component]
pub fn SafetyPlan() -> Html {
    let guide = use_guide();
    let session = use_session();
    let (_, first) = crisis_words(&guide, &session.answers);
    let text = plan_text(&guide, &session.plan, first);
    html! {
        <Page class="sp-plan" article=true back=true title={guide.ui(Ui::PlanTitle).to_string()} lead={guide.ui(Ui::PlanIntro).to_string()}>
            <p class="sp-note sp-no-print" id="sp-plan-private">{ guide.ui(Ui::PlanPrivate) }</p>
            { for PLAN.iter().enumerate().map(|(i, (title, hint))| {
                let id = format!("sp-plan-{i}");
                let hint_id = format!("sp-plan-{i}-hint");
                let oninput = {
                    let session = session.clone();
                    Callback::from(move |e: InputEvent| {
                        if let Some(t) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
                            session.dispatch(Action::Plan { step: i, text: t.value() });
                        }
                    })
                };
                html! {
                    <section class="sp-plan__step" aria-labelledby={format!("{id}-label")}>
                        <h2 class="sp-plan__title" id={format!("{id}-label")}>
                            <label for={id.clone()}>{ guide.ui(*title) }</label>
                        </h2>
                        <p class="sp-hint" id={hint_id.clone()}>{ guide.ui(*hint) }</p>
                        <textarea class="sp-plan__text sp-no-print" {id} rows="3" aria-describedby={hint_id}
                            value={session.plan[i].clone()} {oninput} />
                        // On paper: the words in full (a text box prints cut off).
                        <p class="sp-plan__printed">{ session.plan[i].clone() }</p>
                        if i == 4 {
                            <ContactList id="plan" {first} />
                        }
                    </section>
                }
            }) }
            <TakeAway summary={AttrValue::from(text)} file="safety-plan.txt" download={Ui::PlanDownload} copy={(Ui::PlanCopy, Ui::PlanCopied)} />
        </Page>
    }
}
