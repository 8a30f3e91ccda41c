from notices.cli import main

raise SystemExit(main())
