"""Word pools the synthetic documents draw from: names, employers, banks, streets (all fictitious)."""

from __future__ import annotations

FIRST_NAMES = (
    "Jane", "Michael", "Olivia", "Daniel", "Grace", "Marcus", "Helen", "Victor", "Laura", "Samuel",
    "Nora", "Peter", "Alice", "Thomas", "Irene", "Robert", "Clara", "Walter", "Emily", "George",
)
LAST_NAMES = (
    "Doe", "Harper", "Bennett", "Castillo", "Lindqvist", "Okafor", "Whitfield", "Moreno", "Sullivan",
    "Fairbanks", "Prescott", "Nakamura", "Delgado", "Thornton", "Abernathy", "Kowalski", "Reyes", "Gallagher",
)
INITIALS = "ABCDEFGHJKLMNPRSTW"

EMPLOYERS = (
    "Northwind Logistics LLC", "Bluebird Dental Group", "Cedar Ridge Manufacturing Inc",
    "Summit Analytics Corp", "Riverbend Medical Center", "Granite State Builders",
    "Evergreen Software Inc", "Pioneer Freight Systems", "Silverline Insurance Co",
    "Maple Grove School District",
)
BANKS = (
    "Harbor Point Bank", "First Union Savings Bank", "Lakeside Credit Union",
    "Prairie National Bank", "Coastal Federal Savings",
)
STREETS = (
    "Maple Avenue", "Oak Street", "Willow Lane", "Lakeview Drive", "Hillcrest Road",
    "Chestnut Court", "Sycamore Boulevard", "Birch Way", "Orchard Place", "Ridge Road",
)
CITIES = (
    ("Springfield", "IL", "62704"), ("Madison", "WI", "53703"), ("Columbus", "OH", "43215"),
    ("Boulder", "CO", "80302"), ("Raleigh", "NC", "27601"), ("Tacoma", "WA", "98402"),
    ("Portland", "ME", "04101"), ("Austin", "TX", "78701"),
)
PAYEES = (
    "Grocery Mart", "City Utilities", "Metro Transit", "Card Payment", "Fuel Stop",
    "Pharmacy Plus", "Internet Service", "Insurance Premium", "Restaurant", "Hardware Store",
)
