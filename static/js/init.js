// Starts every GOV.UK Frontend component on the page (skip link, menus, error summary).
if (window.GOVUKFrontend && document.body.classList.contains("govuk-frontend-supported")) {
  window.GOVUKFrontend.initAll();
}
