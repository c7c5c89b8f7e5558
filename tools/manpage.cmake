# Writes chronoscope-cli(1) from the commands' own parsers: cmake -DCLI=… -DOUT=… -P manpage.cmake
set(ENV{ASAN_OPTIONS} "detect_leaks=0") # the sanitizer build runs it too
set(ENV{QT_QPA_PLATFORM} "offscreen")
execute_process(COMMAND "${CLI}" --help-roff OUTPUT_FILE "${OUT}.tmp" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${CLI} --help-roff failed: ${rc}")
endif()
file(RENAME "${OUT}.tmp" "${OUT}")
