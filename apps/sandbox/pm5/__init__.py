"""The PM5 Fastighet 'Mina sidor' session API (seed 000), over the sandbox's tables."""
