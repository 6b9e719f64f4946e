"""What the Kobo views and tasks call: the copy of the units (copy.py), the tenant's notice (notices.py)."""
