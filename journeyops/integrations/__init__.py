"""Drop-in integrations with CI services: each drives the `journeyops` command line, as a
user's workflow would, and speaks the service's own files and API."""
