"""The portal's own copy of the catalogue, loaded by migration 0002.

Titles and labels are the consultation paper's; every summary is written for this
portal. Source: "Imagining a Centre of Excellence" (Data to Insight consortium).
"""

SOURCE_URL = "https://data-to-insight.github.io/centre-of-excellence/"


THEMES = [
    ("careers-strategy", "Careers strategy",
     "How people who work with children's services data and technology learn, progress and are recognised."),
    ("leadership-strategy", "Leadership strategy",
     "How technical teams are heard by senior leaders, and how the sector learns which approaches really help."),
    ("advanced-technology", "Advanced technology",
     "Helping councils understand, buy and shape new software, from AI and automation to case management systems."),
    ("community-facilitation", "Community facilitation",
     "Building and looking after the tools, networks and shared knowledge that councils use together."),
    ("data-as-a-resource", "Data as a resource",
     "Treating data as an asset: better quality, and standards that the whole sector can rely on."),
    ("policy-enablers", "Policy enablers",
     "Connecting local delivery with national policy, and helping the sector through big changes."),
]

DELIVERY_STRANDS = [
    ("culture-and-leadership", "Culture and leadership", "status",
     "Raising the standing of data and digital work, so that leaders expect and champion it."),
    ("skills-and-capacity", "Skills and capacity", "quality",
     "Growing the skills, methods and standards that make local data and digital work good."),
    ("collaboration-and-impact", "Collaboration and impact", "value",
     "Working together across councils and government so that effort is shared and makes a difference."),
]

# slug, title, short label, theme, strand, in the six-theme table, page, summary, ideas
FOCUS_AREAS = [
    ("supporting-professional-development", "Supporting professional development",
     "Supporting progression", "careers-strategy", "skills-and-capacity", True,
     "supporting-professional-development/",
     "Analysts and digital staff in children's services often learn on the job with no clear path "
     "to grow. This area looks at helping them find good training, filling skills gaps the sector "
     "cannot fill alone, and agreeing what good looks like in these roles.",
     [("Signposting", "Guide people towards training and learning that fits what the work really needs."),
      ("Developing", "Create courses and specialist expertise where the sector's gaps are most serious."),
      ("Establishing", "Agree professional standards for data and digital roles in the sector.")]),
    ("helping-leadership-to-expect-excellence", "Helping leadership to expect excellence",
     "Expecting excellence", "careers-strategy", "culture-and-leadership", True,
     "helping-leadership-to-expect-excellence/",
     "Senior leaders shape how well a council uses its data, yet few have a yardstick for a strong "
     "data function. This area is about equipping leaders to ask for, recognise and sustain "
     "excellent local data and digital work.",
     [("Developing", "A programme that helps senior leaders build and keep strong local data and digital teams."),
      ("Defining", "A shared, sector-wide description of what a council's data function should offer."),
      ("Enabling", "Ways to assess local data and digital maturity, including peer review and sector-led improvement.")]),
    ("advocacy-across-internal-hierarchies", "Advocacy across internal hierarchies",
     "Connecting hierarchies", "leadership-strategy", "culture-and-leadership", True,
     "advocacy-across-internal-hierarchies/",
     "Good technical ideas can stall between the analyst's desk and the decision-maker's. This area "
     "is about speaking up for technical teams inside councils and finding routes by which useful "
     "changes actually get adopted.",
     [("Advocating", "Explain the value of technical teams to senior leaders and to practitioners."),
      ("Supporting", "Back approaches that work whatever a council's internal structure."),
      ("Identifying", "Find the delivery routes that get helpful changes and offers taken up.")]),
    ("discovering-what-works", "Discovering what works",
     "Discovering what works", "leadership-strategy", "collaboration-and-impact", True,
     "discovering-what-works/",
     "Much innovation happens in one council and is never heard of in the next. This area is about "
     "knowing what is being tried, linking people to it, and judging what really improves "
     "children's outcomes.",
     [("Mapping", "Keep a picture of innovation and improvement work that matters to the sector."),
      ("Connecting", "Introduce colleagues to partners and resources suited to their problem."),
      ("Evaluating", "Compare practices, technologies and partners by their effect on outcomes for children.")]),
    ("making-sense-of-advanced-software", "Making sense of AI, RPA, and other advanced and integrative software",
     "Explaining technology", "advanced-technology", "skills-and-capacity", True,
     "making-sense-of-ai-rpa-and-other-advanced-and-integrative-software/",
     "Artificial intelligence, robotic process automation and integration tools promise a lot and "
     "are hard to judge. This area is about giving councils a clear, impartial view of the options "
     "and how to adopt them safely.",
     [("Surveying", "Watch the technology landscape and work out sensible ways to adopt new tools."),
      ("Explaining", "Lay out the options for councils, with practical guides and training."),
      ("Advocating", "Recommend good-practice approaches to AI, automation and similar technology.")]),
    ("influencing-technology-markets", "Influencing technology markets",
     "Influencing markets", "advanced-technology", "culture-and-leadership", True,
     "influencing-technology-markets/",
     "Each council meets the same few suppliers alone. This area is about councils speaking "
     "together on market problems, working with government on levers, and keeping a constructive "
     "dialogue with suppliers.",
     [("Convening", "Gather councils to agree practical joint positions on market problems."),
      ("Liaising", "Work with central government on policy levers that would improve the market."),
      ("Engaging", "Hold an ongoing conversation with suppliers about behaviour that helps both sides.")]),
    ("data-tool-collaboration", "Data tool collaboration",
     "Tools and resources", "community-facilitation", "collaboration-and-impact", True,
     "data-tool-collaboration/",
     "Shared tools built once and used by many councils save time everywhere, but they need owners. "
     "This area is about maintaining existing shared products and building the next ones together.",
     [("Maintaining", "Keep improving the shared tools the sector already depends on."),
      ("Advising", "Help council users use and build shared tools well."),
      ("Facilitating", "Lead the joint design and development of future shared tools.")]),
    ("facilitating-information-sharing", "Facilitating information sharing",
     "Information sharing", "community-facilitation", "collaboration-and-impact", True,
     "facilitating-information-sharing/",
     "Keeping children safe depends on sharing information lawfully and well. This area is about "
     "spreading good practice, making the legal duties easy to look up, and shaping national "
     "policy so sharing works on the ground.",
     [("Promoting", "Spread good practice in sharing information."),
      ("Detailing", "Maintain a plain reference to the legal duties and legislation councils must follow."),
      ("Advocating", "Push for national policy under which information sharing works for the sector.")]),
    ("improving-data-quality", "Improving data quality",
     "Improving quality", "data-as-a-resource", "skills-and-capacity", True,
     "improving-data-quality/",
     "Decisions are only as good as the data behind them. This area is about tools and methods for "
     "better data quality, sector-wide standards for it, and understanding how quality relates to "
     "a council's wider data maturity.",
     [("Providing", "Offer tools and methods for data quality, and lead improvement."),
      ("Defining", "Agree data quality standards and good practice that suit the sector."),
      ("Balancing", "Explain the trade-offs between data quality and data maturity within councils.")]),
    ("curating-technical-standards", "Curating technical standards",
     "Curating standards", "data-as-a-resource", "skills-and-capacity", True,
     "curating-technical-standards/",
     "Common standards let systems and councils work together, but someone has to look after them. "
     "This area is about stewarding the standards that matter to children's services and how they "
     "change.",
     [("Curating", "Look after the technical and data standards the sector relies on."),
      ("Managing", "Run a fair, open process for changing those standards."),
      ("Interacting", "Work with cross-government standards work so the sector's needs land in the right place.")]),
    ("redefining-cross-sector-collaboration", "Redefining cross-sector collaboration",
     "Cross-sector work", "policy-enablers", "collaboration-and-impact", True,
     "redefining-cross-sector-collaboration/",
     "National data and digital programmes affect councils, but councils are not always at the "
     "table. This area is about co-ordinating the sector's voice and shared resources between "
     "local and national government.",
     [("Co-ordinating", "Organise the sector's part in cross-government data and digital change."),
      ("Hosting", "Host, fund and build resources shared by local and national government."),
      ("Helping", "Help councils connect national policy to local delivery.")]),
    ("responding-to-large-scale-change", "Responding to large-scale change",
     "Responding to change", "policy-enablers", "culture-and-leadership", True,
     "responding-to-large-scale-change/",
     "Reforms arrive with data and digital consequences that each council meets alone. This area "
     "is about helping councils and government through major change and testing which kinds of "
     "support really help.",
     [("Helping", "Support councils and government through the data and digital side of major reform."),
      ("Testing", "Try out ways of supporting councils to find the ones that really work."),
      ("Negotiating", "Broker the change agenda between local and national levels.")]),
    ("making-sense-of-case-management-systems", "Making sense of case management systems",
     "Procurement and configuration", "advanced-technology", "skills-and-capacity", False,
     "making-sense-of-case-management-systems/",
     "Case management systems shape social workers' days and the data councils hold, yet buying and "
     "configuring them is hard. This area is about better procurement, shared configuration "
     "know-how and new ways to develop these systems.",
     [("Improving", "Raise the standard of how councils buy case management systems and related work."),
      ("Sharing", "Share good practice in configuring and running systems, matched to practice models."),
      ("Challenging", "Test the market with new approaches to procurement and development.")]),
]
