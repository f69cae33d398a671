"""Each idea's label in the consultation's own feedback form (`paper_label`, copied from the
paper's reference data) and the short title built from it for pages, tables, exports and
digests. Keyed by focus area slug and the idea's verb, as ideas/data/catalogue.py names them."""

# (focus area slug, verb): (paper_label, title)
IDEA_LABELS = {
    ("supporting-professional-development", "Signposting"): (
        "Signposting learning opportunities which meet real needs", "Signposting learning that meets real needs"),
    ("supporting-professional-development", "Developing"): (
        "Developing provision to meet critical sector needs eg-training and specialist capacity",
        "Developing training and specialist capacity"),
    ("supporting-professional-development", "Establishing"): (
        "Establishing professional standards for the sector", "Establishing professional standards"),
    ("helping-leadership-to-expect-excellence", "Developing"): (
        "Developing senior leaders to maintain high quality local data and digital functions",
        "Developing senior leaders"),
    ("helping-leadership-to-expect-excellence", "Defining"): (
        "Defining standard cross-sector expectations of local data functions",
        "Defining what local data functions offer"),
    ("helping-leadership-to-expect-excellence", "Enabling"): (
        "Enabling professionals and peers to assess local data and digital maturity",
        "Enabling peers to assess data maturity"),
    ("advocacy-across-internal-hierarchies", "Advocating"): (
        "Advocating for technical functions to senior leaders and practitioners",
        "Advocating for technical teams"),
    ("advocacy-across-internal-hierarchies", "Supporting"): (
        "Supporting solutions which will work in varied structural contexts",
        "Supporting solutions for varied structures"),
    ("advocacy-across-internal-hierarchies", "Identifying"): (
        "Identifying effective delivery routes for beneficial changes and support offers",
        "Identifying effective delivery routes"),
    ("discovering-what-works", "Mapping"): (
        "Mapping innovation and improvement activity relevant to the sector", "Mapping innovation activity"),
    ("discovering-what-works", "Connecting"): (
        "Connecting colleagues with partners and resources relevant to their problems",
        "Connecting colleagues with partners"),
    ("discovering-what-works", "Evaluating"): (
        "Evaluating practices to understand effectiveness in improving outcomes for children",
        "Evaluating what improves outcomes"),
    ("making-sense-of-advanced-software", "Surveying"): (
        "Surveying the technology landscape and developing adoption approaches",
        "Surveying the technology landscape"),
    ("making-sense-of-advanced-software", "Explaining"): (
        "Explaining options to local authorities, including how-to guidance and training",
        "Explaining options to councils"),
    ("making-sense-of-advanced-software", "Advocating"): (
        "Advocating for good practice with strategies for AI RPA and other technologies",
        "Advocating good practice in AI and RPA"),
    ("influencing-technology-markets", "Convening"): (
        "Convening local authorities to reach actionable consensus on market issues",
        "Convening councils on market issues"),
    ("influencing-technology-markets", "Liaising"): (
        "Liaising with central government to scope useful policy instruments",
        "Liaising with central government"),
    ("influencing-technology-markets", "Engaging"): (
        "Engaging with suppliers to maintain dialogue on mutually beneficial behaviours",
        "Engaging with suppliers"),
    ("data-tool-collaboration", "Maintaining"): (
        "Maintaining and continuously developing key products which the sector can rely on",
        "Maintaining key shared products"),
    ("data-tool-collaboration", "Advising"): (
        "Advising local authority users on best practice in using and developing shared tools",
        "Advising users of shared tools"),
    ("data-tool-collaboration", "Facilitating"): (
        "Facilitating collaborative design and development of future shared tools",
        "Facilitating design of future shared tools"),
    ("facilitating-information-sharing", "Promoting"): (
        "Promoting good practice in information sharing", "Promoting good information sharing"),
    ("facilitating-information-sharing", "Detailing"): (
        "Detailing relevant statutory duties and legislation for easy reference by LAs",
        "Detailing statutory duties and legislation"),
    ("facilitating-information-sharing", "Advocating"): (
        "Advocating for national policy ensuring information sharing works for our sector",
        "Advocating for information-sharing policy"),
    ("improving-data-quality", "Providing"): (
        "Providing data quality tools and methods and driving improvement", "Providing data quality tools"),
    ("improving-data-quality", "Defining"): (
        "Defining suitable data quality standards and best practices for the sector",
        "Defining data quality standards"),
    ("improving-data-quality", "Balancing"): (
        "Balancing and explaining the elements of data quality and data maturity in LAs",
        "Balancing data quality and maturity"),
    ("curating-technical-standards", "Curating"): (
        "Curating relevant technical and data standards for our sector", "Curating technical and data standards"),
    ("curating-technical-standards", "Managing"): (
        "Managing processes for changes to relevant standards", "Managing changes to standards"),
    ("curating-technical-standards", "Interacting"): (
        "Interacting with cross-government standards work to help it meet our needs",
        "Shaping cross-government standards work"),
    ("redefining-cross-sector-collaboration", "Co-ordinating"): (
        "Co-ordinating the sectors cross-government data-digital change processes",
        "Co-ordinating cross-government change"),
    ("redefining-cross-sector-collaboration", "Hosting"): (
        "Hosting funding and creating sector resources shared across levels of government",
        "Hosting funding and shared resources"),
    ("redefining-cross-sector-collaboration", "Helping"): (
        "Helping local authorities appropriately relate national policy to local delivery",
        "Relating national policy to local delivery"),
    ("responding-to-large-scale-change", "Helping"): (
        "Helping LAs and government navigate the data and digital challenge of change",
        "Helping councils navigate change"),
    ("responding-to-large-scale-change", "Testing"): (
        "Testing support approaches to identify those which actually work for LAs",
        "Testing which support approaches work"),
    ("responding-to-large-scale-change", "Negotiating"): (
        "Negotiating across hierarchies including local and national on the change agenda",
        "Negotiating the change agenda"),
    ("making-sense-of-case-management-systems", "Improving"): (
        "Improving typical procurement practice and other CMS-related activity",
        "Improving case management procurement"),
    ("making-sense-of-case-management-systems", "Sharing"): (
        "Sharing and hosting good practice in system configuration and operation",
        "Sharing system configuration practice"),
    ("making-sense-of-case-management-systems", "Challenging"): (
        "Challenging the existing market with new approaches to procurement-development",
        "Challenging the case management market"),
}
