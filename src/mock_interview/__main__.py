"""Allow ``python -m mock_interview``."""

from mock_interview.cli.main import main

raise SystemExit(main())
