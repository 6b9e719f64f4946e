"""Pay cash nearby: the portal's copy of Tillväxtverket's cash-services register, and the tenant's page."""
