"""The demo customers everyone refers to, and the portal logins made for them."""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Persona:
    customer_number: str
    first_name: str
    last_name: str
    born: date
    sex: str
    apartment: str  # object number
    rooms: int
    lease_start: date


# Created first and in this order, so their primary keys sort the same way:
# tests pick "the other tenant" and "the unlinked customer" by that order.
KALLE = Persona("15555", "Kalle", "Andersson", date(1966, 3, 12), "M", "142-043-01", 2, date(2019, 4, 1))
ANNA = Persona("15561", "Anna", "Lindqvist", date(1988, 9, 27), "F", "142-041-01", 3, date(2016, 10, 1))
MAJA = Persona("15570", "Maja", "Nilsson", date(1994, 5, 3), "F", "142-042-01", 1, date(2021, 6, 1))
PERSONAS = (KALLE, ANNA, MAJA)

# Demo customer 1 (KALLE) shows every case: all invoice kinds and every errand status.
DEMO_CUSTOMER = KALLE
UNLINKED_CUSTOMER = MAJA


@dataclass(frozen=True)
class DemoLogin:
    email: str
    password: str
    customer_number: str  # "" for staff
    is_staff: bool = False


DEMO_LOGINS = (
    DemoLogin("hyresgast@example.se", "Hyresgast-demo-1", KALLE.customer_number),
    DemoLogin("hyresgast2@example.se", "Hyresgast-demo-2", ANNA.customer_number),
    DemoLogin("personal@example.se", "Personal-demo-1", "", is_staff=True),
)

# The FAST2 utförare the demo's staff member works as (a supplier of demo/names.py).
DEMO_STAFF_RESOURCE = "Gävle Rör & VVS AB"
