@echo off
rem Install the RMS client for Windows XP from the software share.
set SRC=\\fs01\software\rms
msiexec /i %SRC%\RmClientBackCompat.msi /q REBOOT=ReallySuppress
msiexec /i %SRC%\MsDrmClient.msi
