"""Ways to find a person online: social media handles ("@ellie_mae_2011", "Snapchat:
jaydenxo09") and links to profiles ("facebook.com/stacey.green.7").

A handle leads to photos, a school and a street as surely as an address does.
"""

import re

from consultation.screening.findings import Finding
from consultation.screening.words import first_names

_SITES = (r"(?:facebook|fb|instagram|tiktok|twitter|x|snapchat|youtube|linkedin|reddit|pinterest|tumblr|onlyfans|"
          r"vk|twitch)\.(?:com|tv)|instagr\.am|youtu\.be|threads\.net|t\.me|discord\.gg|kik\.me")
# A link with a path after the site: the site's front page names nobody.
PROFILE_LINK = re.compile(
    rf"(?<![\w.-])(?:https?://)?(?:www\.|m\.|mobile\.|[a-z]{{2}}-[a-z]{{2}}\.)?(?:{_SITES})/(?!\s)[^\s<>\"')\]]+",
    re.IGNORECASE,
)
# "@ellie_mae_2011", "twitter @DarrenWalsh77": an "@" that starts a word, not an email's ("jo@x.org",
# "deleted-<id>@invalid").
HANDLE = re.compile(r"(?<![^\s(\[:;,\"'“‘])@(?P<handle>[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![\w@]|\.\w)")
PLATFORMS = (r"instagram|insta|ig|snapchat|snap|sc|tiktok|tik tok|twitter|facebook|fb|youtube|discord|kik|telegram|"
             r"roblox|xbox|psn|playstation|fortnite|minecraft|twitch|threads|bereal|gamertag|username|user name")
# "Snapchat: jaydenxo09", "on TikTok as tyler.b.2010", "her Insta is ellie_mae"
ACCOUNT_AFTER_PLATFORM = re.compile(
    rf"\b(?:{PLATFORMS})\b(?:\s+(?:name|account|handle|username|id|page|profile))?"
    r"\s*(?:[:=-]|\bis\b|\bas\b|\bcalled\b)\s*(?:called\s+|@)?"
    r"(?P<handle>[A-Za-z0-9_][A-Za-z0-9_.]{2,29})\b",
    re.IGNORECASE,
)


def _mention(handle: str) -> bool:
    """"@Ben great point", "Thanks @Chloe": a reply naming another participant by first name, as
    the discussion shows them; a handle has digits, underscores or a name that is not a first name."""
    return handle.isalpha() and handle.lower() in first_names()


# Most texts name no platform: a substring test is far cheaper than the pattern.
_PLATFORM_HINTS = ("insta", "snap", "tiktok", "tik tok", "twitter", "facebook", "youtube", "discord", "kik",
                   "telegram", "roblox", "xbox", "psn", "playstation", "fortnite", "minecraft", "twitch", "threads",
                   "bereal", "gamertag", "username", "user name", "ig:", "ig ", "sc:", "sc ", "fb:", "fb ")
_LINK_HINTS = (".com/", ".tv/", ".am/", ".be/", ".net/", ".me/", ".gg/")


def accounts(text: str) -> list[Finding]:
    found = []
    lower = text.lower()
    if any(hint in lower for hint in _LINK_HINTS):
        found += [Finding("social_media", m.start(), m.end(), 0.9) for m in PROFILE_LINK.finditer(text)]
    platform = any(hint in lower for hint in _PLATFORM_HINTS)
    if "@" in text:
        for match in HANDLE.finditer(text):
            if re.search(r"[A-Za-z]", match["handle"]) and not any(f.start <= match.start() < f.end for f in found) and (
                    platform or not _mention(match["handle"])):
                found.append(Finding("social_media", match.start(), match.end(), 0.8))
    if not platform:
        return found
    for match in ACCOUNT_AFTER_PLATFORM.finditer(text):
        handle = match["handle"]
        # A handle is rarely a plain word: it has digits, underscores or dots ("on Instagram as well" is not one).
        if re.search(r"[\d_]|\w\.\w", handle) and re.search(r"[A-Za-z]", handle) and not any(f.start <= match.start("handle") < f.end for f in found):
            found.append(Finding("social_media", match.start("handle"), match.end("handle"), 0.8))
    return found
