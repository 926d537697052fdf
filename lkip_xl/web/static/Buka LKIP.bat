@echo off
rem Membuka lkip-xl dari disk di Microsoft Edge (atau Google Chrome bila Edge tidak ada).
rem --allow-file-access-from-files: halaman dari disk boleh memuat Python-nya (pyodide) dari foldernya sendiri;
rem --user-data-dir: profil peramban tersendiri di folder sementara, agar izin itu tidak berlaku untuk peramban sehari-hari.
setlocal
set "HERE=%~dp0"
set "PAGE=%HERE%lkip-xl\index.html"
if not exist "%PAGE%" set "PAGE=%HERE%index.html"
set "URL=file:///%PAGE:\=/%"
set "PROFIL=%TEMP%\lkip-xl-peramban"
set "FLAGS=--allow-file-access-from-files --user-data-dir="%PROFIL%" --no-first-run --no-default-browser-check"
set "BROWSER=%ProgramFiles(x86)%\Microsoft\Edge\Application\msedge.exe"
if not exist "%BROWSER%" set "BROWSER=%ProgramFiles%\Microsoft\Edge\Application\msedge.exe"
if not exist "%BROWSER%" set "BROWSER=%ProgramFiles%\Google\Chrome\Application\chrome.exe"
if not exist "%BROWSER%" set "BROWSER=%ProgramFiles(x86)%\Google\Chrome\Application\chrome.exe"
if not exist "%BROWSER%" set "BROWSER=%LocalAppData%\Google\Chrome\Application\chrome.exe"
if not exist "%BROWSER%" goto :tidakada
start "" "%BROWSER%" %FLAGS% "%URL%"
goto :eof
:tidakada
echo Microsoft Edge atau Google Chrome tidak ditemukan. Pasang salah satunya, lalu jalankan berkas ini lagi.
pause
