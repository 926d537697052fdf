from lkip_xl.cli import run

run()
