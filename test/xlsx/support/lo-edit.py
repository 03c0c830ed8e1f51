# Edits a workbook the way a user would in LibreOffice Calc, through UNO: inserts rows (above the
# tables), renames the first sheet and saves as .xlsx. Proves the defined names survive another
# program. Usage: lo-edit.py IN.xlsx OUT.xlsx PROFILE_URL "row:count,row:count" NEW_NAME
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    deadline = time.time() + 90
    while True:
        try:
            return resolver.resolve('uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe)
        except NoConnectException:
            if time.time() > deadline:
                raise
            time.sleep(0.2)


def main():
    src, dst, profile, inserts, new_name = sys.argv[1:6]
    pipe = 'nianbao_%d' % os.getpid()
    office = subprocess.Popen(
        ['soffice', '-env:UserInstallation=' + profile, '--headless', '--invisible', '--norestore', '--nologo',
         '--nodefault', '--accept=pipe,name=%s;urp;' % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ctx = connect(pipe)
        desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), '_blank', 0,
                                           (prop('Hidden', True),))
        sheet = doc.Sheets.getByIndex(0)
        sheet.unprotect('')
        specs = [tuple(int(x) for x in spec.split(':')) for spec in inserts.split(',') if spec]
        # Bottom up, so each row index still means the row of the original sheet.
        for row, count in sorted(specs, reverse=True):
            sheet.Rows.insertByIndex(row, count)
        sheet.setName(new_name)
        if sheet.getName() != new_name:
            raise RuntimeError('LibreOffice refused the sheet name %r' % new_name)
        sheet.protect('')
        doc.calculateAll()
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)), (prop('FilterName', 'Calc MS Excel 2007 XML'),))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:  # the bridge drops as the office quits
            pass
    finally:
        try:
            office.wait(timeout=60)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == '__main__':
    main()
