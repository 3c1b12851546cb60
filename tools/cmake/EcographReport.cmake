# ecograph_add_report(TARGET name GRAPHS file... OUTPUT dir
#                     [SCHEMA file] [TITLE text] [TOP n] [ALL])
#
# Adds a target that runs `ecograph report` on the graphs and writes the bundle (Markdown pages,
# SVG diagrams, CSV/JSON data) to OUTPUT. It reruns when a graph or the schema changes; files
# whose content is unchanged keep their time stamps, so a docs build downstream stays
# incremental. With ALL the report is part of the default build.
function(ecograph_add_report)
  cmake_parse_arguments(PARSE_ARGV 0 ARG "ALL" "TARGET;OUTPUT;SCHEMA;TITLE;TOP" "GRAPHS")
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "ecograph_add_report: unknown arguments: ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  foreach(required TARGET OUTPUT GRAPHS)
    if(NOT ARG_${required})
      message(FATAL_ERROR "ecograph_add_report: ${required} is required")
    endif()
  endforeach()
  if(NOT TARGET ecograph::cli)
    message(FATAL_ERROR "ecograph_add_report: the ecograph::cli executable target is missing")
  endif()

  set(graphs)
  foreach(graph IN LISTS ARG_GRAPHS)
    get_filename_component(graph "${graph}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    list(APPEND graphs "${graph}")
  endforeach()
  get_filename_component(output "${ARG_OUTPUT}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
  set(options)
  set(depends ${graphs})
  if(ARG_SCHEMA)
    get_filename_component(schema "${ARG_SCHEMA}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    list(APPEND options --schema "${schema}")
    list(APPEND depends "${schema}")
  endif()
  if(DEFINED ARG_TITLE)
    list(APPEND options --title "${ARG_TITLE}")
  endif()
  if(DEFINED ARG_TOP)
    list(APPEND options --top "${ARG_TOP}")
  endif()

  set(stamp "${CMAKE_CURRENT_BINARY_DIR}/${ARG_TARGET}.ecograph-report.stamp")
  add_custom_command(
    OUTPUT "${stamp}"
    COMMAND ecograph::cli report ${graphs} --out "${output}" ${options}
    COMMAND "${CMAKE_COMMAND}" -E touch "${stamp}"
    DEPENDS ${depends}
    COMMENT "ecograph report -> ${output}"
    VERBATIM)
  if(ARG_ALL)
    add_custom_target(${ARG_TARGET} ALL DEPENDS "${stamp}")
  else()
    add_custom_target(${ARG_TARGET} DEPENDS "${stamp}")
  endif()
endfunction()
