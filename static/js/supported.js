// Marks the page as JavaScript-capable before GOV.UK Frontend initialises (kept out of
// the HTML so the Content Security Policy needs no inline script).
document.body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
