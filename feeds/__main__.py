import sys

from feeds.cli import main

sys.exit(main())
