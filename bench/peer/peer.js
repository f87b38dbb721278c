// Renders the survey, as SurveyJS's "Get started" for vanilla JS does.
const survey = new Survey.Model(window.SURVEY_JSON);
window.survey = survey;
survey.render(document.getElementById('surveyContainer'));
