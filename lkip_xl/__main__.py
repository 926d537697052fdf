from lkip_xl.cli import main

main()
