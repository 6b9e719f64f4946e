"""The Momentum Errands Rows v2 facade (seed 002): an errand's rows for staff and suppliers."""
