"""The Kobo Bolig facade (seed 004, contract kobo-bolig.json) under /sandbox/kobo/."""
