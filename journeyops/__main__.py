from journeyops.cli import main

main()
