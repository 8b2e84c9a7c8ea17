from elecsafe.cli.app import main

main()
