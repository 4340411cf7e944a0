"""Writing a user's files: scaffolding (`init`, `new`), the formatter (`fmt`), and the
bridges to spreadsheets and Mermaid (`export`, `import`).

Every write here keeps what the user wrote: comments survive, a file that does not parse
is never rewritten, and files are replaced atomically (journeyops.core.atomic).
"""
