"""The US states, DC and territories: ISO 3166-2 code -> name. The one list of them.

``elecsafe init --state`` accepts these codes only, and a statutory pack that names a state
(``state: US-AZ``) must name one of them. A plan file may still carry a fictional code of the
same shape (the bundled example's ``US-WL``) for training; ``init`` writes the placeholder
``US-XX`` when no state is given.
"""

from __future__ import annotations

US_STATES: dict[str, str] = {
    "US-AL": "Alabama", "US-AK": "Alaska", "US-AZ": "Arizona", "US-AR": "Arkansas",
    "US-CA": "California", "US-CO": "Colorado", "US-CT": "Connecticut", "US-DE": "Delaware",
    "US-DC": "District of Columbia", "US-FL": "Florida", "US-GA": "Georgia", "US-HI": "Hawaii",
    "US-ID": "Idaho", "US-IL": "Illinois", "US-IN": "Indiana", "US-IA": "Iowa",
    "US-KS": "Kansas", "US-KY": "Kentucky", "US-LA": "Louisiana", "US-ME": "Maine",
    "US-MD": "Maryland", "US-MA": "Massachusetts", "US-MI": "Michigan", "US-MN": "Minnesota",
    "US-MS": "Mississippi", "US-MO": "Missouri", "US-MT": "Montana", "US-NE": "Nebraska",
    "US-NV": "Nevada", "US-NH": "New Hampshire", "US-NJ": "New Jersey", "US-NM": "New Mexico",
    "US-NY": "New York", "US-NC": "North Carolina", "US-ND": "North Dakota", "US-OH": "Ohio",
    "US-OK": "Oklahoma", "US-OR": "Oregon", "US-PA": "Pennsylvania", "US-RI": "Rhode Island",
    "US-SC": "South Carolina", "US-SD": "South Dakota", "US-TN": "Tennessee", "US-TX": "Texas",
    "US-UT": "Utah", "US-VT": "Vermont", "US-VA": "Virginia", "US-WA": "Washington",
    "US-WV": "West Virginia", "US-WI": "Wisconsin", "US-WY": "Wyoming",
    "US-AS": "American Samoa", "US-GU": "Guam", "US-MP": "Northern Mariana Islands",
    "US-PR": "Puerto Rico", "US-VI": "U.S. Virgin Islands",
}  # fmt: skip


def state_code(text: str) -> str | None:
    """The code TEXT names: ``US-OH``, ``us-oh``, ``OH`` or ``Ohio``; None for anything else."""
    word = " ".join(text.split()).upper()
    if f"US-{word}" in US_STATES:
        return f"US-{word}"
    if word in US_STATES:
        return word
    return next((code for code, name in US_STATES.items() if name.upper() == word), None)
