"""The portal's own copy of the models-of-delivery content, loaded by migration 0002.

Option titles, the examples and the organisations' names and websites are the
consultation paper's; every description, strength, risk and assessment is written
for this portal in plain English. Staff change all of it in the admin afterwards.
Source: "Imagining a Centre of Excellence" (Data to Insight consortium).
"""

SOURCE_URL = "https://data-to-insight.github.io/centre-of-excellence/"

# What the paper says the centre should make sure of. Each completes
# "The centre should make sure that".
CENTRE_AIMS = [
    "the sector's data and digital ecosystem works",
    "good practice spreads across council and regional boundaries",
    "local services make a real difference to children",
    "national data and digital tools and standards are delivered well and kept up to date",
]

# slug, title, summary
INITIAL_FUNCTIONS = [
    ("innovation-hosting-and-collaboration", "Innovation hosting and collaboration",
     "Giving new ideas a home: helping councils try out, build and share new data and digital work together."),
    ("national-advocacy-and-coordination", "National advocacy and coordination",
     "Speaking up for local data and digital work nationally, and joining up effort across councils and government."),
    ("best-practice-and-connection", "Best practice and connection",
     "Finding what works, sharing it, and putting people across the sector in touch so they can learn from each other."),
]

HUB_AND_SPOKE = (
    "The paper imagines the centre as a hub with spokes. A small central hub would "
    "co-ordinate the work, and each delivery strand would be a spoke. Each spoke could be "
    "run in a different way."
)

# slug, short title (labels the diagram), summary
SPOKE_ARRANGEMENTS = [
    ("in-house", "Run by the hub",
     "The hub's own staff deliver the strand."),
    ("sector-partners", "Sector partners",
     "An organisation already working in the sector delivers the strand for the hub."),
    ("commercial-suppliers", "Commercial suppliers",
     "A commercial third party delivers the strand under contract."),
    ("volunteers-or-independent", "Volunteers or independent funding",
     "Volunteers, or a body with its own funding, own the strand while the hub keeps it joined up."),
]

# slug, short title, description
CONSIDERATIONS = [
    ("how-councils-work", "How councils work",
     "Councils are organised in different ways. Think about which teams would use the centre, "
     "and what help an officer could take up without needing approval from elsewhere in the council."),
    ("lessons-from-earlier-offers", "Lessons from earlier offers",
     "DfE and others have offered support to councils before. Think about how those offers were "
     "received, and why some were taken up and others were not."),
    ("lasting-beyond-start-up-funding", "Lasting beyond start-up funding",
     "Innovation funding runs out. Think about how the centre's offers and products could carry on "
     "afterwards, and which of them could keep going under each option."),
    ("filling-the-right-gap", "Filling the right gap",
     "Many support and technical offers already exist. Think about what is already there, and which "
     "gap the centre should fill rather than repeat."),
]

# slug, title, summary, description, examples, strengths, risks,
# and one assessment for each consideration, in the order of CONSIDERATIONS.
# Examples, strengths and risks are one item a line.
OPTIONS = [
    ("local-authority-hosting", "Local authority hosting",
     "One council hosts the centre for the whole sector, employing its staff and holding its budget.",
     "A single council, or a small group of councils, would employ the centre's staff and hold its "
     "money and contracts on behalf of councils across England. The centre would be run by the "
     "sector, for the sector.",
     "Data to Insight, hosted by East Sussex County Council\n"
     "The Commissioning Alliance, hosted by Ealing Council",
     "Close to the councils it serves, so it understands their day-to-day work\n"
     "Council officers often trust, and take up, help that comes from their peers\n"
     "Working examples already exist",
     "The host council carries the legal and money risks of a national service\n"
     "It can be tied to one council's priorities, rules and pay scales\n"
     "Other councils may see it as belonging to the host",
     ["A good fit. Help from a council-hosted team looks like peer support, which officers can "
      "often take up without extra sign-off. The host's own rules on staff and spending still apply.",
      "Sector-led projects such as Data to Insight show that offers built by council staff, for "
      "council staff, can earn trust. Growing beyond what one host can manage is the harder part.",
      "Could carry on through council subscriptions or shared contributions, but relies on the "
      "host council staying willing to carry it.",
      "Sits close to existing council-hosted projects, so it needs a clear line between what they "
      "already do and what the centre adds."]),
    ("central-government-hosting", "Central government hosting",
     "A government department, such as DfE, runs the centre directly or through a body it controls.",
     "The centre would sit inside central government, most likely DfE, or in a body that government "
     "directly controls. It would be close to national policy and national data collections, and "
     "could work with the other departments whose work touches children's lives.",
     "The consortium's work with DfE, the Department of Health and Social Care (DHSC), the "
     "Department for Work and Pensions (DWP) and the Ministry of Housing, Communities and Local "
     "Government (MHCLG)",
     "Close to national policy, funding decisions and national data collections\n"
     "Can bring other government departments to the table\n"
     "A clear line of accountability to ministers and Parliament",
     "Councils may see it as a funder or overseer rather than a peer\n"
     "Government rules on spending, hiring and buying can slow it down\n"
     "Its work can be exposed to changes in political priorities",
     ["Officers may be more guarded about help that comes from the department that funds and "
      "oversees them, even though formal routes into councils already exist.",
      "Some national offers have struggled to reach everyday practice in councils. This option "
      "would need to show it had learned why.",
      "Funding can be secure while the work is a government priority, but may stop when "
      "priorities or spending plans change.",
      "Well placed to see the national picture and avoid duplication, but must take care not to "
      "crowd out sector-led work that already works."]),
    ("existing-infrastructure", "Aligning with existing infrastructure",
     "The centre is placed within, or run alongside, a body that already supports councils or "
     "children's services.",
     "Rather than starting something new, the centre would be hosted by, or built alongside, an "
     "organisation that already supports councils or children's services, such as a membership "
     "body, a charity or a What Works Centre. It would gain that body's networks, systems and "
     "reputation.",
     "The Local Government Association (LGA)\n"
     "The Association of Directors of Children's Services (ADCS)\n"
     "The Coram group of charities\n"
     "Foundations, the What Works Centre for children's social care and early help",
     "Quick to start, using networks, governance and back-office systems that already work\n"
     "Builds on relationships councils already trust\n"
     "Avoids adding another body to a crowded field",
     "The centre's aims may be bent to fit the host's own priorities\n"
     "Data and digital work could get lost inside a larger organisation\n"
     "The host's reputation, good or bad, carries over",
     ["Councils already work with bodies like the LGA and ADCS, so routes in exist. What an "
      "officer can take up depends on the host's membership and offer.",
      "Can learn directly from the host's own record of what councils have and have not taken up.",
      "The host's wider funding and membership may carry work on after start-up money ends, if "
      "the work fits the host's priorities.",
      "The lowest risk of duplication, because the host already knows the field. The risk is "
      "that the centre's role shrinks to what the host already does."]),
    ("new-legal-entity", "A new legal entity",
     "A new organisation, for example a limited company, is set up to run the centre.",
     "A new body would be created with its own legal form, board and staff. It could be fairly "
     "large, like a What Works Centre, or fairly small, like the Regional Care Co-operatives being "
     "tried out in pathfinder areas.",
     "What Works Centres (fairly large)\n"
     "Regional Care Co-operatives (fairly small)",
     "A clear identity and purpose of its own\n"
     "Governance can be designed for the job, for example with councils as members\n"
     "Can charge for services, take other funding and sign contracts in its own name",
     "Takes time and money to set up before it delivers anything\n"
     "Has to build trust and networks from nothing\n"
     "Must find a way to pay for itself once start-up funding ends",
     ["Councils would need to get to know, and trust, a new body. Buying from it may need "
      "procurement or approval steps that help from a peer does not.",
      "Free to design its offer around lessons from earlier offers without inheriting a host's "
      "habits, but it has no track record of its own.",
      "Can charge, take grants and hold contracts in its own name, but must build a lasting "
      "income before start-up funding ends.",
      "Risks adding another body to a crowded field unless its role is clearly defined from the "
      "start."]),
    ("other-models", "Other models",
     "Other ways of organising, such as a co-operative of councils or a professional "
     "accreditation scheme.",
     "Some useful approaches do not fit the options above. Councils could share the work as a "
     "co-operative, as they already do for website infrastructure, or the centre could borrow "
     "professional accreditation from neighbouring professions. These could also run alongside "
     "any of the other options.",
     "LocalGov Drupal, a co-operative that shares website infrastructure between councils\n"
     "Professional accreditation for analysts in neighbouring professions",
     "Shares ownership and cost widely among councils\n"
     "Can be combined with other options, for example a co-operative spoke beside a hosted hub\n"
     "Draws on approaches that already work elsewhere",
     "Depends on councils being willing and able to give time and money\n"
     "Accountability can be unclear when many bodies share the work\n"
     "May suit some functions, such as shared tools, better than others",
     ["A co-operative works when officers can join and contribute directly. Accreditation reaches "
      "individual staff rather than councils as a whole.",
      "Co-operative projects such as LocalGov Drupal show that councils will share work when the "
      "benefit is clear and practical.",
      "Shared ownership spreads the cost, so a co-operative can outlast a single grant, but it "
      "needs enough councils to keep paying in.",
      "Can fill narrow gaps, such as shared tools or professional recognition, beside whichever "
      "main option is chosen."]),
]

# name, slug, kind, website (blank if the paper gives none), summary, option slugs it exemplifies
# Which options each organisation exemplifies is this portal's reading of the paper's examples;
# the paper names no organisation for central government hosting.
ORGANISATIONS = [
    ("Foundations", "foundations", "Government-established independent organisations",
     "https://foundations.org.uk/",
     "The What Works Centre for children's social care and early help. Set up with government "
     "backing, it runs independently, finding and sharing evidence about what helps children and "
     "families.",
     ["existing-infrastructure", "new-legal-entity"]),
    ("Regional Care Co-operatives", "regional-care-co-operatives", "Pathfinder projects",
     "https://www.gov.uk/government/publications/regional-care-co-operatives-pathfinder-areas/"
     "regional-care-cooperatives-rccs-pathfinder-regions",
     "Pathfinder projects in Greater Manchester and the South East, in which councils plan and "
     "arrange care for children together across a region.",
     ["new-legal-entity"]),
    ("Data to Insight", "data-to-insight", "Organisations that began in local authorities",
     "https://www.datatoinsight.org/",
     "A national project, hosted by East Sussex County Council, in which council analysts build "
     "and share data tools for children's services. It leads the consortium running this "
     "consultation.",
     ["local-authority-hosting"]),
    ("Commissioning Alliance", "commissioning-alliance",
     "Organisations that began in local authorities",
     "https://commissioningalliance.co.uk/",
     "A council-led alliance, hosted by Ealing Council, that helps councils commission services "
     "for children together.",
     ["local-authority-hosting"]),
    ("NCER", "ncer", "Organisations that began in local authorities",
     "https://www.ncer.org/Index.aspx",
     "A national consortium that grew out of councils, sharing education data and analysis tools "
     "between them.",
     ["local-authority-hosting"]),
    ("Local Government Association", "local-government-association",
     "Bodies that bring local authorities together and support them",
     "https://www.local.gov.uk/",
     "The national membership body for local government. A partner in the consortium running "
     "this consultation.",
     ["existing-infrastructure"]),
    ("Association of Directors of Children's Services", "adcs",
     "Bodies that bring local authorities together and support them",
     "https://www.adcs.org.uk/",
     "The national leadership association for directors of children's services and their senior "
     "teams.",
     ["existing-infrastructure"]),
    ("Coram", "coram", "Charities", "https://www.coram.org.uk/",
     "A group of charities working with and for children and young people. A partner in the "
     "consortium running this consultation.",
     ["existing-infrastructure"]),
    ("Social Finance", "social-finance", "Non-profit companies",
     "https://www.socialfinance.org.uk/",
     "A not-for-profit organisation that works with government and public services on social "
     "problems. A partner in the consortium running this consultation.",
     ["new-legal-entity", "other-models"]),
    ("ICT Revolutions", "ict-revolutions", "Private companies", "",
     "A private company and a partner in the consortium running this consultation.",
     ["other-models"]),
    ("Traditional consultancies", "traditional-consultancies", "Private companies", "",
     "Commercial consultancies that councils and government already buy advice and delivery "
     "from. The paper does not name any.",
     ["other-models"]),
]
