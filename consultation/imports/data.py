"""Facts about the consultation's old forms, copied from the paper's site (see
docs/decisions/0014-importing-feedback.md): how they named things, where they differ from the
portal's catalogue, and which page of the paper is which part."""

# The feedback form's idea labels ("<heading>: <label>") → (focus-area slug, idea slug).
IDEA_LABELS = {
    "Signposting learning opportunities which meet real needs": ("supporting-professional-development", "signposting"),
    "Developing provision to meet critical sector needs eg-training and specialist capacity": ("supporting-professional-development", "developing"),
    "Establishing professional standards for the sector": ("supporting-professional-development", "establishing"),
    "Developing senior leaders to maintain high quality local data and digital functions": ("helping-leadership-to-expect-excellence", "developing"),
    "Defining standard cross-sector expectations of local data functions": ("helping-leadership-to-expect-excellence", "defining"),
    "Enabling professionals and peers to assess local data and digital maturity": ("helping-leadership-to-expect-excellence", "enabling"),
    "Advocating for technical functions to senior leaders and practitioners": ("advocacy-across-internal-hierarchies", "advocating"),
    "Supporting solutions which will work in varied structural contexts": ("advocacy-across-internal-hierarchies", "supporting"),
    "Identifying effective delivery routes for beneficial changes and support offers": ("advocacy-across-internal-hierarchies", "identifying"),
    "Mapping innovation and improvement activity relevant to the sector": ("discovering-what-works", "mapping"),
    "Connecting colleagues with partners and resources relevant to their problems": ("discovering-what-works", "connecting"),
    "Evaluating practices to understand effectiveness in improving outcomes for children": ("discovering-what-works", "evaluating"),
    "Surveying the technology landscape and developing adoption approaches": ("making-sense-of-advanced-software", "surveying"),
    "Explaining options to local authorities, including how-to guidance and training": ("making-sense-of-advanced-software", "explaining"),
    "Advocating for good practice with strategies for AI RPA and other technologies": ("making-sense-of-advanced-software", "advocating"),
    "Convening local authorities to reach actionable consensus on market issues": ("influencing-technology-markets", "convening"),
    "Liaising with central government to scope useful policy instruments": ("influencing-technology-markets", "liaising"),
    "Engaging with suppliers to maintain dialogue on mutually beneficial behaviours": ("influencing-technology-markets", "engaging"),
    "Maintaining and continuously developing key products which the sector can rely on": ("data-tool-collaboration", "maintaining"),
    "Advising local authority users on best practice in using and developing shared tools": ("data-tool-collaboration", "advising"),
    "Facilitating collaborative design and development of future shared tools": ("data-tool-collaboration", "facilitating"),
    "Promoting good practice in information sharing": ("facilitating-information-sharing", "promoting"),
    "Detailing relevant statutory duties and legislation for easy reference by LAs": ("facilitating-information-sharing", "detailing"),
    "Advocating for national policy ensuring information sharing works for our sector": ("facilitating-information-sharing", "advocating"),
    "Providing data quality tools and methods and driving improvement": ("improving-data-quality", "providing"),
    "Defining suitable data quality standards and best practices for the sector": ("improving-data-quality", "defining"),
    "Balancing and explaining the elements of data quality and data maturity in LAs": ("improving-data-quality", "balancing"),
    "Curating relevant technical and data standards for our sector": ("curating-technical-standards", "curating"),
    "Managing processes for changes to relevant standards": ("curating-technical-standards", "managing"),
    "Interacting with cross-government standards work to help it meet our needs": ("curating-technical-standards", "interacting"),
    "Co-ordinating the sectors cross-government data-digital change processes": ("redefining-cross-sector-collaboration", "co-ordinating"),
    "Hosting funding and creating sector resources shared across levels of government": ("redefining-cross-sector-collaboration", "hosting"),
    "Helping local authorities appropriately relate national policy to local delivery": ("redefining-cross-sector-collaboration", "helping"),
    "Helping LAs and government navigate the data and digital challenge of change": ("responding-to-large-scale-change", "helping"),
    "Testing support approaches to identify those which actually work for LAs": ("responding-to-large-scale-change", "testing"),
    "Negotiating across hierarchies including local and national on the change agenda": ("responding-to-large-scale-change", "negotiating"),
    "Improving typical procurement practice and other CMS-related activity": ("making-sense-of-case-management-systems", "improving"),
    "Sharing and hosting good practice in system configuration and operation": ("making-sense-of-case-management-systems", "sharing"),
    "Challenging the existing market with new approaches to procurement-development": ("making-sense-of-case-management-systems", "challenging"),
}

# Names the old form used for focus areas (score keys, activity headings) that are neither the
# portal's title nor its short label, → focus-area slug.
FOCUS_AREA_ALIASES = {
    "Making sense of AI RPA and other advanced and integrative software": "making-sense-of-advanced-software",
    "Responding to large-scale change": "responding-to-large-scale-change",
    "Procurement and configuration": "making-sense-of-case-management-systems",
    "Advanced technology": "making-sense-of-advanced-software",
    "Curating standards": "curating-technical-standards",
    "Advocacy across hierarchies": "advocacy-across-internal-hierarchies",
}

# Pages of the paper that are a part of it rather than a focus area → Comment.paper_part
# (ideas/paper.py). The introduction and the reference projects have no part of their own
# in the consultation's form: feedback on them is "Anything else".
PAPER_PARTS = {
    "": "anything-else",
    "imagining-a-centre-of-excellence": "anything-else",
    "how-to-use-this-document": "anything-else",
    "how-our-system-works": "how-our-system-works",
    "appendix-1-more-on-how-our-system-works": "how-our-system-works",
    "appendix-1-more-on-how-our-system-works/context": "context",
    "appendix-1-more-on-how-our-system-works/status": "status",
    "appendix-1-more-on-how-our-system-works/value": "value",
    "appendix-1-more-on-how-our-system-works/quality": "quality",
    "appendix-1-more-on-how-our-system-works/cost": "cost",
    "possible-mechanisms-for-change": "mechanisms-for-change",
    "appendix-2-more-on-possible-mechanisms-for-change": "mechanisms-for-change",
    "models-for-delivery": "models-for-delivery",
    "appendix-3-more-on-models-for-delivery": "more-on-models-for-delivery",
    "engagement-opportunities": "engagement-opportunities",
    "appendix-4-reference-projects": "anything-else",
}
FOCUS_AREA_PAGES = "appendix-2-more-on-possible-mechanisms-for-change"

# Council names people write that normalising alone does not reach → the name in
# consultation/people/data/local_authorities.csv.
COUNCIL_ALIASES = {
    "hull": "Kingston Upon Hull, City of",
    "bcp": "Bournemouth, Christchurch and Poole",
    "southend": "Southend-on-Sea",
    "stockton": "Stockton-on-Tees",
    "stoke": "Stoke-on-Trent",
    "newcastle": "Newcastle upon Tyne",
    "rbkc": "Kensington and Chelsea",
    "lbhf": "Hammersmith and Fulham",
    "county durham": "Durham",
    "east riding": "East Riding of Yorkshire",
    "telford": "Telford and Wrekin",
    "windsor": "Windsor and Maidenhead",
}
