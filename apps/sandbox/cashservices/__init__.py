"""Tillväxtverket's cash-services API facade (seed 003): /Token and the JSON:API-like /api resources."""
