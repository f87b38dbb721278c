use signpost_engine::Ui;
use yew::prelude::*;

use crate::components::Page;
use crate::context::use_guide;

/// The side-by-side comparison. A real table (row and column headers); on
/// narrow screens CSS turns each row into a card that keeps its labels.
/// Explicit roles keep the table semantics where `display: block` would
/// drop them (Safari).
#[component]
pub fn Compare() -> Html {
    let guide = use_guide();
    let columns = [
        Ui::CompareFocus,
        Ui::CompareLength,
        Ui::CompareProvider,
        Ui::CompareCost,
        Ui::ComparePrivacy,
    ];
    if let Some(pending) = crate::components::prose_pending(&guide) {
        return html! { <Page back=true title={guide.ui(Ui::CompareTitle).to_string()}>{ pending }</Page> };
    }
    html! {
        <Page back=true title={guide.ui(Ui::CompareTitle).to_string()}>
            <table class="sp-compare" role="table" aria-labelledby="sp-title">
                <thead role="rowgroup">
                    <tr role="row">
                        <th scope="col" role="columnheader">{ guide.ui(Ui::CompareOption) }</th>
                        { for columns.iter().map(|c| html! { <th scope="col" role="columnheader">{ guide.ui(*c) }</th> }) }
                    </tr>
                </thead>
                <tbody role="rowgroup">
                { for guide.content.options.iter().map(|o| {
                    let cells = [&o.compare.focus, &o.compare.length, &o.compare.provider, &o.compare.cost, &o.compare.privacy];
                    html! {
                        <tr key={o.id.as_str()} role="row">
                            <th scope="row" role="rowheader">{ guide.text(&o.name) }</th>
                            { for cells.iter().zip(columns).map(|(t, c)| html! {
                                <td role="cell" data-label={guide.ui(c).to_string()}>{ guide.text(t) }</td>
                            }) }
                        </tr>
                    }
                }) }
                </tbody>
            </table>
        </Page>
    }
}
