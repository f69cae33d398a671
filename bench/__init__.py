"""`make bench`: seed a realistic volume into PostgreSQL and measure the portal under gunicorn.

Not part of the test suite (tests/bench only checks the seed's shape on a tiny volume).
See the README's "Benchmark" section.
"""
