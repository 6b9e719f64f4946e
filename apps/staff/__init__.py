"""Errand review and work-order handling for the landlord's staff (/personal/)."""
