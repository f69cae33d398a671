"""Word lists the recognisers share: first names (data/first_names.txt) and the capitalised
words that are not people (sentence openers, the sector's nouns, places, organisations).

A name is only ever held with context (an age, a care or family word), so these lists
decide between "a child with an age" and "children aged 16", not whether a word is a name.
"""

from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


@cache
def surnames() -> frozenset[str]:
    """Common surnames in England, for the few rules that read a lower-case surname ("the jones family")."""
    lines = (DATA / "surnames.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#")) - COMMON


@cache
def word_names() -> frozenset[str]:
    """Names that are also everyday words (Grace, Hope, Summer): names only in the stronger patterns."""
    lines = (DATA / "first_names.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines) & (NOT_PEOPLE - COMMON - PLACES - GROUPS)


@cache
def first_names() -> frozenset[str]:
    lines = (DATA / "first_names.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#")) - NOT_PEOPLE


def words(text: str) -> frozenset[str]:
    return frozenset(text.lower().split())


# Words that open a sentence or a heading, or name groups, documents, roles or stages.
COMMON = words("""
a about above across after again against all almost also although always among an and another any
anyone around as at average because before being below between both but by can cases children child
cohort cohorts could currently data day days despite did do does down during each either else every
everyone few figure for from further half he her here hers him his how however i if in including into
is it its just last less many may median might mine more most much must my near nearly never next no
none nor not now number numbers of off often on once one only or other others our over per perhaps
quite rather roughly since so some such than that the their them then there these they this those
though through to today together too total under unless until up upon us very was we were what when
where whether which while who whom whose why will with within without would year years yet you your
young people person persons boys girls babies baby infants toddlers teenagers adolescents pupils
students learners adults parents carers families family siblings leavers residents applicants
participants respondents referrals assessments placements rates rate share proportion percentage
age aged ages month months week weeks table chart graph section part chapter schedule regulation
regulations article paragraph annex appendix step stage stages phase tier level levels wave option
options question questions theme themes item items point points page pages version group groups band
category categories key cohort class classes grade grades reception nursery school schools college
team teams service services council councils authority authorities department government minister
ministers secretary state act acts bill law laws policy policies guidance framework plan plans report
reports review reviews census return returns return survey surveys study studies research programme
programmes project projects pilot pilots model models idea ideas area areas region regions england
english british uk britain wales welsh scotland scottish ireland irish northern european african
asian caribbean black white mixed other unaccompanied asylum seeking looked after care leavers
foster fostering adoption adopted kinship residential secure disabled send sen ehcp cin cp cla lac
caseload caseloads social worker workers practitioner practitioners manager managers lead leads
director directors officer officers analyst analysts head heads chair chairs member members staff
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december spring winter christmas easter
mr mrs ms miss dr sir lord lady dame professor
north south east west central greater upper lower new old great little big high low first second
third fourth fifth last final early late
yes no okay ok thanks thank please dear hi hello
""")

# Places and organisations that sit where a name would ("Bradford (3)", "Kent's foster carers").
PLACES = words("""
barking barnet barnsley bath bedford bexley birmingham blackburn blackpool bolton bournemouth
bracknell bradford brent brighton bristol bromley buckinghamshire bury calderdale cambridge
cambridgeshire camden central cheshire cornwall coventry croydon cumberland darlington derby
derbyshire devon doncaster dorset dudley durham ealing enfield essex gateshead gloucestershire
greenwich hackney halton hammersmith hampshire haringey harrow hartlepool havering hereford
herefordshire hertfordshire hillingdon hounslow hull islington kensington kent kingston kirklees
knowsley lambeth lancashire leeds leicester leicestershire lewisham lincoln lincolnshire liverpool
london luton manchester medway merton middlesbrough milton keynes newcastle newham norfolk
northampton northamptonshire northumberland nottingham nottinghamshire oldham oxford oxfordshire
peterborough plymouth poole portsmouth reading redbridge redcar richmond rochdale rotherham rutland
salford sandwell sefton sheffield shropshire slough solihull somerset southampton southend
southwark st staffordshire stockport stockton stoke suffolk sunderland surrey sutton swindon
tameside telford thurrock torbay tower hamlets trafford wakefield walsall waltham forest wandsworth
warrington warwickshire westminster wigan wiltshire windsor wirral wokingham wolverhampton
worcester worcestershire york yorkshire cleveland humber tees wear mersey merseyside lancaster
preston carlisle exeter truro norwich ipswich colchester chelmsford canterbury dover maidstone
huddersfield halifax keighley dewsbury batley harrogate scarborough whitby grimsby scunthorpe
chester crewe stafford shrewsbury hereford gloucester cheltenham swansea cardiff newport glasgow
edinburgh aberdeen dundee belfast derry
ofsted dfe cafcass nspcc barnardos barnardo's coram action children's commissioner adcs lga ons
nhs nice cqc iro yot pru ssda903 whatdotheyknow gov govuk microsoft excel power bi python
bedfordshire berkshire chelsea christchurch dagenham darwen fulham furness helens hove isle isles
maidenhead riding scilly sussex thames trent tyne tyneside westmorland wight wrekin
selby crawley harlow basildon stevenage watford hastings eastbourne worthing horsham guildford woking
reigate redhill epsom dartford gravesend ashford folkestone margate ramsgate tonbridge sevenoaks
chichester winchester basingstoke eastleigh fareham gosport havant aldershot farnborough salisbury
chippenham trowbridge yeovil taunton bridgwater barnstaple exmouth torquay paignton newquay falmouth
penzance weymouth dorchester bridport cheltenham stroud tewkesbury banbury bicester witney abingdon
didcot wycombe aylesbury amersham chesham hemel hempstead hitchin letchworth hertford harpenden welwyn
dunstable kettering corby wellingborough daventry nuneaton bedworth leamington redditch bromsgrove
kidderminster evesham malvern tamworth lichfield cannock uttoxeter nantwich macclesfield congleton
wilmslow knutsford northwich runcorn widnes birkenhead wallasey southport ormskirk skelmersdale chorley
leyland burnley accrington clitheroe morecambe fleetwood penrith workington whitehaven barrow hexham
morpeth ashington blyth cramlington jarrow consett northallerton ripon thirsk skipton ilkley pudsey
castleford pontefract normanton goole tadcaster wetherby bridlington driffield cleethorpes skegness
spalding grantham sleaford gainsborough retford worksop mansfield hucknall ilkeston chesterfield
buxton matlock glossop belper swadlincote loughborough hinckley coalville oakham huntingdon wisbech
lowestoft felixstowe thetford dereham cromer braintree clacton brentwood billericay romford ilford
""")

# Nationalities, faiths and groups: "the Syrian family" describes, it does not name.
GROUPS = words("""
afghan albanian algerian american arab bangladeshi brazilian bulgarian chinese congolese
eritrean ethiopian filipino french german ghanaian greek gypsy hindu indian iranian iraqi italian
jamaican jewish kurdish latvian libyan lithuanian muslim nigerian pakistani polish portuguese roma
romanian russian sikh somali spanish sri sudanese syrian traveller travellers turkish ugandan
ukrainian vietnamese yemeni zimbabwean christian catholic troubled
""")

# Given names that are also everyday words or places in this sector's writing.
NOT_PEOPLE = COMMON | PLACES | GROUPS | words("""
will hope faith grace joy may june april august summer autumn dawn mark bill rich sunny page
chase case major young price early long born care foster else
precious blessing mercy patience gift favour divine praise amber
river king charity prince queen duke earl royal bishop justice
""")
