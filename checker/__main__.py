"""``python -m checker``: the factcheck command, for where its script is not on PATH."""

from checker.cli import main

if __name__ == "__main__":
    main()
