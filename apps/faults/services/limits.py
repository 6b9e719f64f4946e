"""How many fault reports and photos a tenant may send per hour.

Counted per customer number in the shared cache (portal.ratelimit), so the limits
hold across web processes. They stop a script or a stuck button from flooding the
landlord's system with errands and the portal's storage with photos; a tenant
reporting real faults never meets them (FAULT_*_PER_TENANT_PER_HOUR).
"""

from portal.ratelimit import HourlyLimit

REPORTS = HourlyLimit("fault-reports", "FAULT_REPORTS_PER_TENANT_PER_HOUR")
PHOTOS = HourlyLimit("fault-photos", "FAULT_PHOTOS_PER_TENANT_PER_HOUR")
