@echo off
rem Verify the packages before installing them (the article asks for it at each step).
certutil -hashfile \\fs01\software\rms\MsDrmClient.msi SHA256 | findstr /i /c:"%MSDRM_SHA256%" || exit /b 1
certutil -hashfile \\fs01\software\rms\RmClientBackCompat.msi SHA256 | findstr /i /c:"%BACKCOMPAT_SHA256%" || exit /b 1
msiexec /i \\fs01\software\rms\MsDrmClient.msi /qn REBOOT=ReallySuppress
msiexec /i \\fs01\software\rms\RmClientBackCompat.msi /qn REBOOT=ReallySuppress
